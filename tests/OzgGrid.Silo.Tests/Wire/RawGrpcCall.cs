using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;

namespace OzgGrid.Silo.Tests.Wire;

/// <summary>
/// One gRPC call spoken byte by byte over HTTP/2, so that a test can send what no generated client would: frames that
/// end early, bytes that are no message, strings that are not UTF-8.
/// </summary>
public sealed class RawGrpcCall(HttpClient client, Uri gateway)
{
    /// <summary>The 5-byte gRPC frame header (not compressed, big-endian length) followed by <paramref name="message"/>.</summary>
    public static byte[] Frame(byte[] message) => [.. Header(message.Length), .. message];

    /// <summary>A frame whose compressed flag is set, followed by <paramref name="compressed"/> as it is.</summary>
    public static byte[] CompressedFrame(byte[] compressed) => [1, .. Header(compressed.Length)[1..], .. compressed];

    public static byte[] Header(int length)
    {
        var header = new byte[5];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(1), length);
        return header;
    }

    /// <summary>Posts <paramref name="body"/> to <paramref name="path"/> and returns the grpc-status and grpc-message answered.</summary>
    /// <param name="encoding">The grpc-encoding the request names (none: not compressed).</param>
    public async Task<(StatusCode Status, string Message)> SendAsync(string path, byte[] body, string? token, string? encoding = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("TE", "trailers");
        if (encoding is not null)
        {
            request.Headers.TryAddWithoutValidation("grpc-encoding", encoding);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        // The trailers arrive after the body; an error before any message comes as headers only.
        await response.Content.ReadAsByteArrayAsync();
        var status = Value(response.TrailingHeaders, "grpc-status") ?? Value(response.Headers, "grpc-status")
            ?? throw new InvalidOperationException($"{path} answered HTTP {(int)response.StatusCode} without grpc-status.");
        var message = Value(response.TrailingHeaders, "grpc-message") ?? Value(response.Headers, "grpc-message") ?? string.Empty;
        return ((StatusCode)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), Uri.UnescapeDataString(message));
    }

    private static string? Value(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

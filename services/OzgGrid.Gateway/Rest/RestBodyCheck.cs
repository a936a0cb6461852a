using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OzgGrid.Gateway.Rest;

/// <summary>
/// Reads the JSON body of a REST call as strictly as proto3 JSON asks before transcoding reads it: transcoding skips
/// fields it does not know, so a misspelt field would be dropped silently and the write done without it. An unknown
/// field, an enum name that does not exist, a wrong type or malformed JSON answer 400 INVALID_ARGUMENT naming what is
/// wrong; a body over the gateway's request limit answers 413 RESOURCE_EXHAUSTED, as gRPC refuses such a message.
/// </summary>
public static class RestBodyCheck
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static IApplicationBuilder UseRestBodyCheck(this IApplicationBuilder app, int maxBodyBytes) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is { } route
                && BodyMessage(route) is { } body
                && IsUtf8Json(context.Request))
            {
                var bytes = await ReadAtMostAsync(context.Request.Body, maxBodyBytes + 1, context.RequestAborted);
                if (bytes.Length > maxBodyBytes)
                {
                    await RestStatus.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, StatusCode.ResourceExhausted,
                        $"The request body is larger than {maxBodyBytes} bytes; send fewer entries per call.");
                    return;
                }

                if (Refusal(bytes, body) is { } refusal)
                {
                    await RestStatus.WriteAsync(context, StatusCodes.Status400BadRequest, StatusCode.InvalidArgument, refusal);
                    return;
                }

                context.Request.Body = new MemoryStream(bytes, writable: false);
            }

            await next(context);
        });

    /// <summary>The message the body holds: the whole request for <c>body: "*"</c>, else the named field's message.</summary>
    private static MessageDescriptor? BodyMessage(GrpcJsonTranscodingMetadata route) => route.HttpRule.Body switch
    {
        "" => null,
        "*" => route.MethodDescriptor.InputType,
        var field => route.MethodDescriptor.InputType.FindFieldByName(field)?.MessageType,
    };

    /// <summary>Other content types and charsets are left to transcoding, which refuses or transcodes them itself.</summary>
    private static bool IsUtf8Json(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
        && (!type.Charset.HasValue || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static async Task<byte[]> ReadAtMostAsync(Stream body, int limit, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length < limit && (read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellation)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string? Refusal(byte[] bytes, MessageDescriptor body)
    {
        string json;
        try
        {
            json = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return "The request body is not valid UTF-8; send JSON encoded as UTF-8.";
        }

        try
        {
            Parser.Parse(json, body);
            return null;
        }
        catch (Exception invalid) when (invalid is InvalidProtocolBufferException or InvalidJsonException or FormatException or OverflowException)
        {
            return $"The request body is not a valid {body.Name} in proto3 JSON: {invalid.Message}";
        }
    }
}

using System.Text;
using System.Text.Json;
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
/// wrong; a request over the gateway's request limit answers 413 RESOURCE_EXHAUSTED, as gRPC refuses such a message.
/// The limit is the message's, as gRPC counts it: the same request in JSON is about twice as long (a Land's whole
/// Kommunen register, which cannot be split, takes 150 KB as a message and 290 KB as JSON), so the JSON itself may be
/// up to <see cref="JsonBytesPerMessageByte"/> times the limit.
/// JSON is read as UTF-8 only (RFC 8259): another charset would pass around this check, and one .NET does not know
/// would fail inside transcoding with a 500. Transcoding is then handed the message as this check read it, written
/// anew, so that what it reads is what was checked (it does not read all that proto3 JSON allows, "2" for an int32).
/// </summary>
public static class RestBodyCheck
{
    /// <summary>How much longer than its message a request's JSON may be: field names, quotes, escapes, int64 as strings.</summary>
    public const int JsonBytesPerMessageByte = 4;

    private const string Utf8 = "utf-8";
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);

    public static IApplicationBuilder UseRestBodyCheck(this IApplicationBuilder app, int maxBodyBytes) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not { } route
                || !MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) || !IsJson(type))
            {
                await next(context);
                return;
            }

            var charset = HeaderUtilities.RemoveQuotes(type.Charset);
            if (charset.HasValue && !charset.Equals(Utf8, StringComparison.OrdinalIgnoreCase))
            {
                await RestStatus.WriteAsync(context, StatusCodes.Status400BadRequest, StatusCode.InvalidArgument,
                    $"The Content-Type names the charset '{charset}'; OzgGrid reads JSON in UTF-8 only: send it as application/json (charset=utf-8 or none).");
                return;
            }

            // Transcoding takes the charset as written: a quoted "utf-8" is no encoding name to it.
            context.Request.ContentType = "application/json; charset=utf-8";
            if (BodyMessage(route) is { } body)
            {
                var maxJsonBytes = JsonBytesPerMessageByte * maxBodyBytes;
                var bytes = await ReadAtMostAsync(context.Request.Body, maxJsonBytes + 1, context.RequestAborted);
                if (bytes.Length > maxJsonBytes)
                {
                    await TooLargeAsync(context, $"The request body is larger than {maxJsonBytes} bytes of JSON; send fewer entries per call.");
                    return;
                }

                if (TryRead(bytes, body, out var refusal) is not { } message)
                {
                    await RestStatus.WriteAsync(context, StatusCodes.Status400BadRequest, StatusCode.InvalidArgument, refusal);
                    return;
                }

                if (message.CalculateSize() > maxBodyBytes)
                {
                    await TooLargeAsync(context, $"The request is larger than {maxBodyBytes} bytes as a message; send fewer entries per call.");
                    return;
                }

                var canonical = Encoding.UTF8.GetBytes(Formatter.Format(message));
                context.Request.Body = new MemoryStream(canonical, writable: false);
                context.Request.ContentLength = canonical.Length;
            }

            await next(context);
        });

    private static Task TooLargeAsync(HttpContext context, string message) =>
        RestStatus.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, StatusCode.ResourceExhausted, message);

    /// <summary>The message the body holds: the whole request for <c>body: "*"</c>, else the named field's message.</summary>
    private static MessageDescriptor? BodyMessage(GrpcJsonTranscodingMetadata route) => route.HttpRule.Body switch
    {
        "" => null,
        "*" => route.MethodDescriptor.InputType,
        var field => route.MethodDescriptor.InputType.FindFieldByName(field)?.MessageType,
    };

    /// <summary>JSON as transcoding recognises it (application/json or a +json type); others it refuses itself.</summary>
    private static bool IsJson(MediaTypeHeaderValue type) =>
        type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);

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

    private static IMessage? TryRead(byte[] bytes, MessageDescriptor body, out string refusal)
    {
        refusal = "";
        string json;
        try
        {
            json = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            refusal = "The request body is not valid UTF-8; send JSON encoded as UTF-8.";
            return null;
        }

        IMessage message;
        try
        {
            // RFC 8259 lets a parser ignore a byte order mark, which some Windows tools write before UTF-8 JSON.
            json = json.StartsWith('\uFEFF') ? json[1..] : json;
            message = Parser.Parse(json, body);
        }
        catch (Exception invalid) when (invalid is InvalidProtocolBufferException or InvalidJsonException or FormatException or OverflowException)
        {
            refusal = $"The request body is not a valid {body.Name} in proto3 JSON: {invalid.Message}";
            return null;
        }

        if (InexactNumber(bytes) is { } inexact)
        {
            refusal = inexact;
            return null;
        }

        return message;
    }

    /// <summary>
    /// A bare number beyond ±2^53: the parser reads numbers as doubles, so its last digits would change silently (an
    /// expected version guarding the wrong version). proto3 JSON writes 64-bit integers as strings, which are exact.
    /// </summary>
    private static string? InexactNumber(byte[] json)
    {
        const decimal Exact = 9_007_199_254_740_992m;
        var start = json.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var reader = new Utf8JsonReader(json.AsSpan(start), new JsonReaderOptions { MaxDepth = 256 });
        var property = "";
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    property = reader.GetString() ?? "";
                }
                else if (reader.TokenType == JsonTokenType.Number && (!reader.TryGetDecimal(out var number) || Math.Abs(number) > Exact))
                {
                    var text = Encoding.UTF8.GetString(reader.ValueSpan);
                    return $"{property}: {text} is beyond ±2^53, where a JSON number is not read exactly; send it as a string (\"{text}\"), as proto3 JSON writes 64-bit integers.";
                }
            }
        }
        catch (JsonException)
        {
            // Nested deeper than any message of the API holds: the parser above has read it as a whole.
        }

        return null;
    }
}

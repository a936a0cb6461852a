using System.Buffers;
using System.Text;
using Google.Protobuf;
using Grpc.Core;

namespace OzgGrid.Gateway.Decoding;

/// <summary>
/// Wraps a request marshaller so that bytes which are no message of its type answer INVALID_ARGUMENT. grpc-dotnet
/// decodes the request before any interceptor runs and answers UNKNOWN for whatever the parser throws.
/// </summary>
public static class DecodingMarshaller
{
    public static Marshaller<TRequest> Guard<TRequest>(Marshaller<TRequest> marshaller) =>
        Marshallers.Create(marshaller.ContextualSerializer, context => Decode(marshaller, context));

    private static TRequest Decode<TRequest>(Marshaller<TRequest> marshaller, DeserializationContext context)
    {
        TRequest request;
        try
        {
            request = marshaller.ContextualDeserializer(context);
        }
        catch (InvalidProtocolBufferException malformed)
        {
            throw UndecodableRequest.Refuse(malformed.Message);
        }
        catch (DecoderFallbackException)
        {
            // The parser's message names byte values and an index only; the caller needs to know what to change.
            throw UndecodableRequest.Refuse("a string field holds bytes that are not UTF-8 (for example a lone surrogate); send strings as valid UTF-8.");
        }

        if (request is IMessage message && WireTypeCheck.Mismatch(message.Descriptor, context.PayloadAsReadOnlySequence().ToArray()) is { } mismatch)
        {
            throw UndecodableRequest.Refuse(mismatch);
        }

        return request;
    }
}

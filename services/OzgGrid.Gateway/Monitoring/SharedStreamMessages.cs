using System.Runtime.CompilerServices;
using Google.Protobuf;
using Grpc.Core;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Monitoring;

/// <summary>
/// Stream messages that many streams send unchanged (a hub batch to every unfiltered watcher) are serialized once:
/// <see cref="Share"/> keeps the bytes with the message, and <see cref="Marshaller"/> writes them instead of
/// serializing the message again for each stream. Every other message is serialized as usual.
/// </summary>
public static class SharedStreamMessages
{
    private static readonly ConditionalWeakTable<WatchProgrammeResponse, byte[]> Serialized = new();

    public static Marshaller<WatchProgrammeResponse> Marshaller { get; } = new(Serialize, Deserialize);

    /// <summary>Serializes the message now; it must not be changed afterwards.</summary>
    public static WatchProgrammeResponse Share(WatchProgrammeResponse message)
    {
        Serialized.AddOrUpdate(message, message.ToByteArray());
        return message;
    }

    private static void Serialize(WatchProgrammeResponse message, SerializationContext context)
    {
        if (Serialized.TryGetValue(message, out var bytes))
        {
            context.Complete(bytes);
            return;
        }

        context.SetPayloadLength(message.CalculateSize());
        message.WriteTo(context.GetBufferWriter());
        context.Complete();
    }

    private static WatchProgrammeResponse Deserialize(DeserializationContext context) =>
        WatchProgrammeResponse.Parser.ParseFrom(context.PayloadAsReadOnlySequence());
}

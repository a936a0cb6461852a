using Google.Protobuf;
using Grpc.Core;
using OzgGrid.Gateway.Grpc;
using OzgGrid.Gateway.Monitoring;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Tests.Monitoring;

public sealed class SharedStreamMessagesTests
{
    [Fact]
    public void WatchProgramme_is_bound_with_the_shared_message_marshaller_and_every_other_method_as_generated()
    {
        var binder = new RecordingBinder();

        MonitoringServiceBinding.BindService(binder, null);

        Assert.Same(SharedStreamMessages.Marshaller, binder.ResponseMarshallers["WatchProgramme"]);
        Assert.Equal(Protos.V1.MonitoringService.Descriptor.Methods.Count, binder.ResponseMarshallers.Count);
        Assert.All(binder.ResponseMarshallers.Where(m => m.Key != "WatchProgramme"), m => Assert.NotSame(SharedStreamMessages.Marshaller, m.Value));
    }

    [Fact]
    public void A_shared_message_goes_out_as_the_bytes_taken_when_it_was_shared_and_reads_back_equal()
    {
        var message = Batch("1.7");
        var expected = message.ToByteArray();

        SharedStreamMessages.Share(message);
        var written = Serialize(message);

        Assert.Equal(expected, written);
        Assert.Equal(message, WatchProgrammeResponse.Parser.ParseFrom(written));
    }

    [Fact]
    public void A_message_that_was_not_shared_is_serialized_as_it_is_now()
    {
        var message = Batch("1.8");

        message.ChangeBatch.Cursor = "1.9";

        Assert.Equal("1.9", WatchProgrammeResponse.Parser.ParseFrom(Serialize(message)).ChangeBatch.Cursor);
    }

    private static WatchProgrammeResponse Batch(string cursor) => new()
    {
        ChangeBatch = new ChangeBatch
        {
            Cursor = cursor,
            Changes = { new LeistungChanged { Cursor = cursor, Leistung = new LeistungSummary { OzgId = 10400, Name = "Elterngeld", Version = 3 } } },
            ChangedFigures = { new Figure { Key = "reifegrad/3", Value = 42 } },
        },
    };

    private static byte[] Serialize(WatchProgrammeResponse message)
    {
        var context = new CapturingSerializationContext();
        SharedStreamMessages.Marshaller.ContextualSerializer(message, context);
        return context.Payload ?? throw new InvalidOperationException("Nothing was written.");
    }

    private sealed class CapturingSerializationContext : SerializationContext
    {
        private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new();

        public byte[]? Payload { get; private set; }

        public override void Complete(byte[] payload) => Payload = payload;

        public override void SetPayloadLength(int payloadLength)
        {
        }

        public override System.Buffers.IBufferWriter<byte> GetBufferWriter() => _buffer;

        public override void Complete() => Payload = _buffer.WrittenSpan.ToArray();
    }

    private sealed class RecordingBinder : ServiceBinderBase
    {
        public Dictionary<string, object> ResponseMarshallers { get; } = [];

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            ResponseMarshallers[method.Name] = method.ResponseMarshaller;

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            ResponseMarshallers[method.Name] = method.ResponseMarshaller;
    }
}

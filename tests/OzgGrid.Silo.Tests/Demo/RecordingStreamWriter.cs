using Grpc.Core;

namespace OzgGrid.Silo.Tests.Demo;

/// <summary>A call's request stream that shows each message to <paramref name="record"/> before sending it.</summary>
public sealed class RecordingStreamWriter<T>(IClientStreamWriter<T> inner, Action<T> record) : IClientStreamWriter<T>
{
    public WriteOptions? WriteOptions
    {
        get => inner.WriteOptions;
        set => inner.WriteOptions = value;
    }

    public Task WriteAsync(T message)
    {
        record(message);
        return inner.WriteAsync(message);
    }

    public Task CompleteAsync() => inner.CompleteAsync();
}

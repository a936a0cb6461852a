using Grpc.Core;

namespace OzgGrid.Gateway.Rest;

/// <summary>
/// A transcoded stream's writer that keeps write options to itself: transcoding's writer throws on them, and the
/// buffer hint they carry (one flush per batch) is a gRPC framing matter anyway; newline-delimited JSON flushes per message.
/// </summary>
public sealed class RestStreamWriter<T>(IServerStreamWriter<T> inner) : IServerStreamWriter<T>
{
    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message) => inner.WriteAsync(message);

    public Task WriteAsync(T message, CancellationToken cancellationToken) => inner.WriteAsync(message, cancellationToken);
}

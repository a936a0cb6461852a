using System.Globalization;
using Grpc.Core;

namespace OzgGrid.Gateway.Streams;

/// <summary>
/// A client's request stream that ends DEADLINE_EXCEEDED when the client sends nothing for <paramref name="idleTimeout"/>:
/// an import holds its slot and its rows until the stream ends, and a client that stalls would hold both for good.
/// </summary>
public sealed class IdleLimitedStreamReader<T>(IAsyncStreamReader<T> inner, TimeSpan idleTimeout) : IAsyncStreamReader<T>
{
    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(idleTimeout);
        try
        {
            return await inner.MoveNext(idle.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var setting = $"{StreamLimitOptions.Section}:{nameof(StreamLimitOptions.ImportIdleTimeout)}";
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, string.Create(CultureInfo.InvariantCulture,
                $"No message for {idleTimeout.TotalSeconds:0.#} s ({setting}): the stream was ended and nothing of it was written; send it again (with the same request id), without pausing between messages.")));
        }
    }
}

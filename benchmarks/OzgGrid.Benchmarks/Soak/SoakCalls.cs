using Grpc.Core;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>Deadlines of the soak's calls (well beyond the silo's own call timeouts, so that an answer always comes first), and retries of its setup and checks.</summary>
public static class SoakCalls
{
    /// <summary>An ordinary call: the silo gives up after 10 s (OzgGrid:Resilience:CallTimeout) and answers.</summary>
    public static DateTime Deadline() => DateTime.UtcNow.AddSeconds(30);

    /// <summary>A long-running call (ReconcileFigures): the silo gives up after 2 minutes.</summary>
    public static DateTime LongDeadline() => DateTime.UtcNow.AddMinutes(3);

    /// <summary>A setup or check call, tried again for up to a minute while the cluster answers UNAVAILABLE (a silo starting, storage busy).</summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Unavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }

    /// <summary>True for what a call throws once the soak is ending (its cancellation, or an answer that came after it): not an outcome to count.</summary>
    public static bool Stopped(Exception exception, CancellationToken stop) =>
        stop.IsCancellationRequested && exception is OperationCanceledException or RpcException;
}

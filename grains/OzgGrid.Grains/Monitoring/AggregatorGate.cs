namespace OzgGrid.Grains.Monitoring;

/// <summary>
/// Runs the aggregator's work on its counters, its sequence, its hubs and its stored state one piece at a time. The
/// grain is reentrant (changes keep arriving while a recount reads the Leistungen), so this gate, not the grain, keeps
/// batches numbered and published strictly in order.
/// </summary>
public sealed class AggregatorGate : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async Task RunAsync(Func<Task> work, CancellationToken cancellationToken = default)
    {
        await _semaphore.WaitAsync(cancellationToken);
        try
        {
            await work();
        }
        finally
        {
            _semaphore.Release();
        }
    }

    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        await _semaphore.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            _semaphore.Release();
        }
    }

    public void Dispose() => _semaphore.Dispose();
}

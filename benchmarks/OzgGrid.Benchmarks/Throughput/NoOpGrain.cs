namespace OzgGrid.Benchmarks.Throughput;

/// <summary>Answers at once: no state, no storage, no other grain.</summary>
public sealed class NoOpGrain : Grain, INoOpGrain
{
    public Task NothingAsync() => Task.CompletedTask;
}

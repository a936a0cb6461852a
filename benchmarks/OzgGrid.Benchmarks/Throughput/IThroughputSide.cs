namespace OzgGrid.Benchmarks.Throughput;

/// <summary>One side of a throughput comparison (OzgGrid or its baseline), started and ready for calls.</summary>
public interface IThroughputSide : IAsyncDisposable
{
    /// <summary>One call of caller <c>i</c>; throws if it failed or did not do what it should.</summary>
    Task CallAsync(int caller);
}

namespace OzgGrid.Benchmarks.Throughput;

/// <summary>A grain that does nothing: P1's floor, one grain call behind the gateway (see <see cref="NoOpGrainInterceptor"/>).</summary>
public interface INoOpGrain : IGrainWithIntegerKey
{
    Task NothingAsync();
}

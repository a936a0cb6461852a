using Grpc.Core;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>One hostile call: what it is (for the report), the refusals that would be correct, and the call.</summary>
public sealed record HostileCall(string Kind, StatusCode[] Acceptable, Func<CancellationToken, Task> Send);

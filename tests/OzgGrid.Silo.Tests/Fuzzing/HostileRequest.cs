using Grpc.Core;

namespace OzgGrid.Silo.Tests.Fuzzing;

/// <summary>One hostile call: what it is (for the report), the status codes that would be a correct refusal, and the call.</summary>
public sealed record HostileRequest(string Kind, StatusCode[] Acceptable, Func<Task> Send);

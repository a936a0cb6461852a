using Grpc.Core;

namespace OzgGrid.Benchmarks.P3;

/// <summary>One scheduled update: when it was due, sent and acknowledged (Stopwatch ticks), and what it became.</summary>
public readonly record struct UpdateSample(
    int OzgId,
    long Version,
    long ScheduledAt,
    long SentAt,
    long AckedAt,
    UpdateOutcome Outcome,
    StatusCode Status);

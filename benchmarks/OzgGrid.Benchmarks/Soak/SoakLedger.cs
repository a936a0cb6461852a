using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>
/// What the soak's clients saw, shared by all of them: every acknowledged write and report, every call's outcome by
/// source and status code, and when each writer was last acknowledged (for recovery times).
/// </summary>
public sealed class SoakLedger
{
    /// <summary>Appended to a code that the client produced itself (the connection broke), not the server.</summary>
    public const string ClientSide = " (client-side)";

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<(string Source, string Outcome), long> _outcomes = new();

    /// <summary>Soak time: since the load began.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public ConcurrentQueue<AcknowledgedWrite> Writes { get; } = new();

    /// <summary>The newest acknowledged report per (OZG-ID, AGS); one reporter owns each pair.</summary>
    public ConcurrentDictionary<(int OzgId, string Ags), AcknowledgedReport> Reports { get; } = new();

    /// <summary>When each writer (by number) had a write acknowledged.</summary>
    public ConcurrentQueue<(int Writer, TimeSpan At)> Acknowledgements { get; } = new();

    public IReadOnlyDictionary<(string Source, string Outcome), long> Outcomes => _outcomes;

    public int ReportsAcknowledged => _reportsAcknowledged;

    private int _reportsAcknowledged;

    public void Succeeded(string source) => _outcomes.AddOrUpdate((source, "OK"), 1, (_, n) => n + 1);

    /// <summary>Counts a failed call by its status code; a status the client made up when its connection broke is marked <see cref="ClientSide"/>.</summary>
    public void Failed(string source, RpcException exception) =>
        _outcomes.AddOrUpdate((source, Outcome(exception)), 1, (_, n) => n + 1);

    public void Acknowledged(int writer, AcknowledgedWrite write)
    {
        Writes.Enqueue(write);
        Acknowledgements.Enqueue((writer, write.At));
        Succeeded(write.Kind);
    }

    public void Reported(int writer, AcknowledgedReport report, TimeSpan at)
    {
        Reports.AddOrUpdate((report.OzgId, report.Ags), report, (_, known) => report.Version >= known.Version ? report : known);
        Interlocked.Increment(ref _reportsAcknowledged);
        Acknowledgements.Enqueue((writer, at));
        Succeeded("rollout report");
    }

    /// <summary>
    /// A defect whatever the fault: UNKNOWN or INTERNAL answered by a silo, or a deadline passed (every silo answers
    /// within its own call timeout, well inside the soak's deadlines).
    /// </summary>
    public static bool IsDefect(string outcome) =>
        outcome is nameof(StatusCode.Unknown) or nameof(StatusCode.Internal) || outcome.StartsWith(nameof(StatusCode.DeadlineExceeded), StringComparison.Ordinal);

    private static string Outcome(RpcException exception) =>
        exception.StatusCode + (exception.Status.DebugException is null ? string.Empty : ClientSide);
}

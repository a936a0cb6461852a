using OzgGrid.Benchmarks.Measurement;

namespace OzgGrid.Benchmarks.P7;

/// <summary>
/// One measured phase of P7: the latency (sent → answered) of the status updates applied in it, how many were
/// scheduled, applied, failed or not sent (every Leistung of the Themenfeld had an update under way), the CPU used, and
/// the readers' work when the phase had readers.
/// </summary>
public sealed record WritePhaseResult(
    LatencyStats Latency,
    int Scheduled,
    int Applied,
    int Failed,
    int NotSent,
    string FailureSummary,
    double CpuProcessPercent,
    double CpuMachinePercent,
    ReadLoad? Reads);

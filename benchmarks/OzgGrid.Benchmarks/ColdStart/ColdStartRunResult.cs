namespace OzgGrid.Benchmarks.ColdStart;

/// <summary>
/// One run of P6: seconds from starting the silo process to its health service answering SERVING and to the first
/// successful GetLeistung; the silo's CPU time until then; the seconds its graceful stop took afterwards.
/// </summary>
public sealed record ColdStartRunResult(
    int Run,
    double ServingSeconds,
    double FirstAnswerSeconds,
    double SiloCpuSeconds,
    double StopSeconds,
    double CpuMachinePercent,
    string LoadAverage);

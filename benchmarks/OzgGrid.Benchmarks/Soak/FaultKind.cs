namespace OzgGrid.Benchmarks.Soak;

/// <summary>The faults the soak injects.</summary>
public enum FaultKind
{
    /// <summary>A silo process killed outright (SIGKILL), then started again.</summary>
    SiloKilled,

    /// <summary>A silo process stopped as an operator does (SIGTERM, graceful), then started again.</summary>
    SiloStopped,

    /// <summary>Azurite stopped for 5–15 s, then started again on the same data folder and ports.</summary>
    StorageOutage,
}

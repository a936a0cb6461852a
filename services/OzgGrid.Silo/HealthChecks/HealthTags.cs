namespace OzgGrid.Silo.HealthChecks;

/// <summary>Which health endpoint runs a check: liveness (restart me) or readiness (send me traffic).</summary>
public static class HealthTags
{
    /// <summary>The process is up and answers: /healthz/live.</summary>
    public const string Live = "live";

    /// <summary>The silo can serve calls (catalogue, storage, cluster membership): /healthz/ready.</summary>
    public const string Ready = "ready";
}

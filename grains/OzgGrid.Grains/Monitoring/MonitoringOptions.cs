namespace OzgGrid.Grains.Monitoring;

/// <summary>Timing and buffer sizes of the monitoring (section OzgGrid:Monitoring).</summary>
public sealed class MonitoringOptions
{
    public const string Section = "OzgGrid:Monitoring";

    /// <summary>How often the aggregator persists what it counted (figures are recounted from it on activation).</summary>
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often the aggregator recounts from the Leistungen (557 reads); the first recount runs soon after activation.
    /// This bounds how long a change lost on its way (a silo dying with it, a second activation of the aggregator for a
    /// moment while silos join) can leave the figures wrong.
    /// </summary>
    public TimeSpan ReconciliationInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan FirstReconciliationDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a recount waits for changes still on their way through the silos' batchers before it treats a
    /// Leistung newer than counted as missed.
    /// </summary>
    public TimeSpan ReconciliationGrace { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often each silo's hub registers again with the aggregator; hubs silent for 3 intervals are dropped.</summary>
    public TimeSpan HubRefreshInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Published changes each hub keeps for clients that resume.</summary>
    public int HubBufferSize { get; set; } = 10_000;

    /// <summary>Messages waiting for one stream; a client further behind is cut off and has to resume.</summary>
    public int StreamBufferSize { get; set; } = 1_000;

    /// <summary>
    /// How long a stream cut off for falling behind may still wait for its client to take a write; a client that does
    /// not read at all is then reset (the status with the resume cursor cannot reach it before the data it waits on).
    /// </summary>
    public TimeSpan StalledWriteGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>An idle stream gets a heartbeat this often, so that proxies keep it open.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);
}

namespace OzgGrid.Silo.Hosting;

/// <summary>How this silo joins its cluster (section OzgGrid:Cluster).</summary>
public sealed class ClusterOptions
{
    public const string Section = "OzgGrid:Cluster";

    /// <summary>Silos with the same ClusterId (and storage account) form one cluster.</summary>
    public string ClusterId { get; set; } = "ozggrid";

    /// <summary>Names the stored state: silos with the same ServiceId share it, across restarts and deployments.</summary>
    public string ServiceId { get; set; } = "ozggrid";

    /// <summary>Port for silo-to-silo traffic.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port for Orleans clients; 0 (default) opens none, since callers use the gRPC gateway.</summary>
    public int GatewayPort { get; set; }

    /// <summary>
    /// The address other silos reach this one at: an IP address, or "auto" for this machine's first non-loopback IPv4
    /// address (in a container: the container's own). With a loopback address the silo listens on loopback only.
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// How long a probe of another silo may take. With <see cref="MissedProbesLimit"/> it sets how soon a dead silo is
    /// noticed (about ProbeTimeout × MissedProbesLimit, plus the votes) and how long a busy silo may stall unnoticed.
    /// </summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public int MissedProbesLimit { get; set; } = 3;
}

namespace OzgGrid.Silo.Hosting;

/// <summary>How this silo joins its cluster (section OzgGrid:Cluster).</summary>
public sealed class ClusterOptions
{
    public const string Section = "OzgGrid:Cluster";

    public string ClusterId { get; set; } = "ozggrid";

    /// <summary>Names the stored state: silos with the same ServiceId share it, across restarts and deployments.</summary>
    public string ServiceId { get; set; } = "ozggrid";

    /// <summary>Port for silo-to-silo traffic, on 127.0.0.1.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>
    /// The silo port of the cluster's first silo on this machine, for a further silo to join it;
    /// 0 (default): this silo is the first.
    /// </summary>
    public int PrimarySiloPort { get; set; }

    /// <summary>Port for Orleans clients; 0 (default) opens none, since callers use the gRPC gateway.</summary>
    public int GatewayPort { get; set; }
}

namespace OzgGrid.Silo.Hosting;

/// <summary>The Orleans Dashboard on the operations endpoint (section OzgGrid:Dashboard).</summary>
public sealed class DashboardHostingOptions
{
    public const string Section = "OzgGrid:Dashboard";

    /// <summary>
    /// Off unless configured (on in the Development settings): its profiler wraps every grain call, and it shows grain
    /// internals. /metrics is what operations watch; the dashboard is for looking into a cluster by hand.
    /// </summary>
    public bool Enabled { get; set; }
}

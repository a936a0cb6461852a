namespace OzgGrid.Silo.Hosting;

/// <summary>The Orleans Dashboard on the operations endpoint (section OzgGrid:Dashboard).</summary>
public sealed class DashboardHostingOptions
{
    public const string Section = "OzgGrid:Dashboard";

    /// <summary>
    /// On by default. Off spares every grain call the dashboard's profiling filter and keeps its grains from activating.
    /// </summary>
    public bool Enabled { get; set; } = true;
}

namespace OzgGrid.Web;

/// <summary>The live programme page on the operations endpoint (section OzgGrid:ProgrammeDashboard).</summary>
public sealed class ProgrammeDashboardOptions
{
    public const string Section = "OzgGrid:ProgrammeDashboard";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Off by default: the page only reads, and shows what the Dashboard Digitale Verwaltung publishes anyway. On, every
    /// request needs a bearer token of the gateway (any role); a proxy in front adds the header for browsers.
    /// </summary>
    public bool RequireToken { get; set; }
}

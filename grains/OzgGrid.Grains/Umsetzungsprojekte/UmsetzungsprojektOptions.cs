namespace OzgGrid.Grains.Umsetzungsprojekte;

/// <summary>How the projects check their status (section OzgGrid:Umsetzungsprojekte).</summary>
public sealed class UmsetzungsprojektOptions
{
    public const string Section = "OzgGrid:Umsetzungsprojekte";

    /// <summary>
    /// A project with dates ahead is checked at least this often, by reminder (reminders cannot wait longer reliably).
    /// Below a minute the silo lowers Orleans' reminder minimum; for trying only.
    /// </summary>
    public TimeSpan CheckPeriod { get; set; } = TimeSpan.FromDays(1);
}

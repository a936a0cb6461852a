namespace OzgGrid.Grains.Anschluss;

/// <summary>How the Anschluss records check their Go-Live deadlines (section OzgGrid:Anschluss).</summary>
public sealed class AnschlussOptions
{
    public const string Section = "OzgGrid:Anschluss";

    /// <summary>A record with planned Go-Lives ahead checks them at least this often, by reminder; below a minute for trying only.</summary>
    public TimeSpan CheckPeriod { get; set; } = TimeSpan.FromDays(1);
}

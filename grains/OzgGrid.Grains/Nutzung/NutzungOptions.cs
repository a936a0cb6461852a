namespace OzgGrid.Grains.Nutzung;

/// <summary>How often the usage findings are checked (section OzgGrid:Nutzung).</summary>
public sealed class NutzungOptions
{
    public const string Section = "OzgGrid:Nutzung";

    /// <summary>
    /// Each Land with usage figures checks its findings this often (and after every import): a rollout change shows in
    /// the findings at the latest one period later.
    /// </summary>
    public TimeSpan BefundPeriode { get; set; } = TimeSpan.FromMinutes(15);
}

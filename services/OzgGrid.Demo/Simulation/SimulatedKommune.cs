using OzgGrid.Protos.V1;

namespace OzgGrid.Demo.Simulation;

/// <summary>A Kommune of the real register on its way through one Onlinedienst's Anschluss checklist.</summary>
public sealed class SimulatedKommune(string ags, int startMonth, long transaktionenBasis)
{
    public string Ags { get; } = ags;

    /// <summary>The simulated month its Anschluss begins.</summary>
    public int StartMonth { get; } = startMonth;

    /// <summary>Its usage in its first month online; later months grow from it.</summary>
    public long TransaktionenBasis { get; } = transaktionenBasis;

    /// <summary>The last checklist item set; UNSPECIFIED before the first.</summary>
    public AnschlussSchritt Erledigt { get; set; } = AnschlussSchritt.Unspecified;

    public bool Online => Erledigt == AnschlussSchritt.BestaetigtDurchKommune;

    public int MonateOnline { get; set; }
}

using OzgGrid.Protos.V1;

namespace OzgGrid.Demo.Simulation;

/// <summary>
/// A Leistung the simulation assigned to one of its IT-Dienstleister. Either its status is reported by hand (Reifegrad,
/// phase, Verfügbarkeit) or it has an Onlinedienst (<see cref="OnlinedienstId"/>) whose ratings give its Reifegrad and
/// whose Anschluss in the Kommunen gives its Verfügbarkeit.
/// </summary>
public sealed class SimulatedLeistung(int ozgId, DemoAnbieter anbieter, string? leikaKey, string? onlinedienstId)
{
    public int OzgId { get; } = ozgId;

    public DemoAnbieter Anbieter { get; } = anbieter;

    public string? LeikaKey { get; } = leikaKey;

    public string? OnlinedienstId { get; } = onlinedienstId;

    public Umsetzungsphase Phase { get; set; } = Umsetzungsphase.Vorbereitung;

    /// <summary>The level its Onlinedienst's criteria are rated at (model 1.1; model 2.0 follows).</summary>
    public int Stufe { get; set; }

    public bool Veroeffentlicht { get; set; }

    /// <summary>The Kommunen going through the Onlinedienst's Anschluss checklist, in the order they start.</summary>
    public List<SimulatedKommune> Kommunen { get; } = [];

    /// <summary>Kommunen of the Land's register still to start, one a month once the first ones are under way.</summary>
    public Queue<string> Warteschlange { get; } = new();
}

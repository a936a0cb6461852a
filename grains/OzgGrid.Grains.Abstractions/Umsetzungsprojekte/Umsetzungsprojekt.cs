using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Umsetzungsprojekte;

/// <summary>
/// A project that builds one or more Leistungen: its definition, participants, financing, the dates of its six phases
/// (always all six, in order), the Onlinedienste it produced (ids) and its status as last checked.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.Umsetzungsprojekt")]
public sealed record Umsetzungsprojekt(
    [property: Id(0)] string ProjektId,
    [property: Id(1)] UmsetzungsprojektDefinition Definition,
    [property: Id(2)] ImmutableArray<Beteiligung> Beteiligte,
    [property: Id(3)] ImmutableArray<Finanzierung> Finanzierungen,
    [property: Id(4)] ImmutableArray<PhasenTermine> Phasen,
    [property: Id(5)] ImmutableSortedSet<string> Onlinedienste,
    [property: Id(6)] ProjektStatus Status)
{
    public PhasenTermine TermineOf(ProjektPhase phase) => Phasen[(int)phase - 1];

    public Umsetzungsprojekt WithTermine(PhasenTermine termine) => this with { Phasen = Phasen.SetItem((int)termine.Phase - 1, termine) };
}

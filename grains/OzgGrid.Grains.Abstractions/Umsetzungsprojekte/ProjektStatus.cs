using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Umsetzungsprojekte;

/// <summary>
/// Where a project stands as of a day: the phase it is in and the phases whose planned end passed without an actual end.
/// Derived from the dates by <see cref="UmsetzungsprojektRules.StatusAt"/>; stored with the project, so each move is a version.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.ProjektStatus")]
public sealed record ProjektStatus(
    [property: Id(0)] ProjektPhase Phase,
    [property: Id(1)] ImmutableArray<ProjektPhase> Ueberfaellig)
{
    public bool IstUeberfaellig => !Ueberfaellig.IsEmpty;

    public bool SameAs(ProjektStatus other) => Phase == other.Phase && Ueberfaellig.SequenceEqual(other.Ueberfaellig);

    public override string ToString() =>
        IstUeberfaellig ? $"{Phase}, überfällig: {string.Join(", ", Ueberfaellig)}" : $"{Phase}, im Plan";
}

using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Abstractions.Termine;

/// <summary>
/// A planned date by which a Leistung should reach an Umsetzungsphase, for the whole Leistung (<see cref="Land"/> empty)
/// or for one Land; <see cref="Beschluss"/> names the IT-Planungsrat Beschluss that set it (empty: set directly).
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.Meilenstein")]
public sealed record Meilenstein(
    [property: Id(0)] Umsetzungsphase Phase,
    [property: Id(1)] string Land,
    [property: Id(2)] DateOnly Geplant,
    [property: Id(3)] string Beschluss)
{
    /// <summary>A milestone replaces an earlier one with the same phase, Land and Beschluss.</summary>
    public bool SameTarget(Meilenstein other) => Phase == other.Phase && Land == other.Land && Beschluss == other.Beschluss;

    public override string ToString() =>
        $"{Phase}{(Land.Length > 0 ? $" in {Land}" : string.Empty)} bis {Geplant:yyyy-MM-dd}{(Beschluss.Length > 0 ? $" (Beschluss {Beschluss})" : string.Empty)}";
}

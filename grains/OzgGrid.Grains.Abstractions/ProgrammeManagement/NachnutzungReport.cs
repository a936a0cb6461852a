using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.ProgrammeManagement;

/// <summary>Per EfA-Leistung how many Länder reuse it; per Land how many EfA-Leistungen it reuses and provides.</summary>
[GenerateSerializer, Immutable, Alias("ozg.NachnutzungReport")]
public sealed record NachnutzungReport(
    [property: Id(0)] ImmutableArray<LeistungNachnutzungFigures> Leistungen,
    [property: Id(1)] ImmutableArray<LandNachnutzungFigures> Laender);

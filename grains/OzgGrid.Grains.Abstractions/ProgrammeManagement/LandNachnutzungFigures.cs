namespace OzgGrid.Grains.Abstractions.ProgrammeManagement;

/// <summary>One Land: how many EfA-Leistungen it provides (builds) and how many it reuses live, and how many are on the way.</summary>
[GenerateSerializer, Immutable, Alias("ozg.LandNachnutzungFigures")]
public sealed record LandNachnutzungFigures(
    [property: Id(0)] string Land,
    [property: Id(1)] int Bereitgestellt,
    [property: Id(2)] int NachgenutztLive,
    [property: Id(3)] int NachnutzungInVorbereitung);

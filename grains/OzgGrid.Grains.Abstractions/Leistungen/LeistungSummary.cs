namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>What lists and filters need of a Leistung.</summary>
[GenerateSerializer, Immutable, Alias("ozg.LeistungSummary")]
public sealed record LeistungSummary(
    [property: Id(0)] int OzgId,
    [property: Id(1)] string Name,
    [property: Id(2)] int LageId,
    [property: Id(3)] int ThemenfeldId,
    [property: Id(4)] LeistungStatus Status,
    [property: Id(5)] long Version);

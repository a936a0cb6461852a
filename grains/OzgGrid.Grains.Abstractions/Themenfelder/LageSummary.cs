namespace OzgGrid.Grains.Abstractions.Themenfelder;

[GenerateSerializer, Immutable, Alias("ozg.LageSummary")]
public sealed record LageSummary([property: Id(0)] int LageId, [property: Id(1)] string Name, [property: Id(2)] int LeistungenCount);

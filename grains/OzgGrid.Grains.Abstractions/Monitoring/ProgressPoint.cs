namespace OzgGrid.Grains.Abstractions.Monitoring;

/// <summary>The headline figures at the end of one day.</summary>
[GenerateSerializer, Immutable, Alias("ozg.ProgressPoint")]
public sealed record ProgressPoint(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] long Leistungen,
    [property: Id(2)] long OzgKonform,
    [property: Id(3)] long Online);

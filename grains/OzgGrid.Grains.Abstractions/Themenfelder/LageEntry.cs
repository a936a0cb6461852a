namespace OzgGrid.Grains.Abstractions.Themenfelder;

/// <summary>A Lebens- or Geschäftslage of a Themenfeld.</summary>
[GenerateSerializer, Immutable, Alias("ozg.LageEntry")]
public sealed record LageEntry([property: Id(0)] int LageId, [property: Id(1)] string Name);

namespace OzgGrid.Grains.Abstractions.Reconciliation;

/// <summary>One derived value that differed from its source: what it was and what it was corrected to.</summary>
/// <param name="Subject">Which value: "10000/NW" (Leistung/Land), "10000" (a Leistung's record), or a figure key.</param>
[GenerateSerializer, Immutable, Alias("ozg.Correction")]
public sealed record Correction(
    [property: Id(0)] string Subject,
    [property: Id(1)] string Before,
    [property: Id(2)] string After);

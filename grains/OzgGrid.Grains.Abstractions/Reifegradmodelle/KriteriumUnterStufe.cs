namespace OzgGrid.Grains.Abstractions.Reifegradmodelle;

/// <summary>A criterion rated below the level asked about, with its rating (0 where it is not rated).</summary>
[GenerateSerializer, Immutable, Alias("ozg.KriteriumUnterStufe")]
public sealed record KriteriumUnterStufe(
    [property: Id(0)] string Kriterium,
    [property: Id(1)] string Bezeichnung,
    [property: Id(2)] int Bewertet);

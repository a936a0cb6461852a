namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>Which Leistungen a list shows; null criteria match everything.</summary>
[GenerateSerializer, Immutable, Alias("ozg.LeistungFilter")]
public sealed record LeistungFilter(
    [property: Id(0)] int? LageId = null,
    [property: Id(1)] string? Land = null,
    [property: Id(2)] Verfuegbarkeit MinVerfuegbarkeit = Verfuegbarkeit.Pilot,
    [property: Id(3)] int? MinReifegrad = null,
    [property: Id(4)] int? MaxReifegrad = null,
    [property: Id(5)] string? NameContains = null)
{
    public bool Matches(LeistungSummary leistung) =>
        (LageId is null || leistung.LageId == LageId)
        && (Land is null || leistung.Status.VerfuegbarkeitIn(Land) >= MinVerfuegbarkeit)
        && (MinReifegrad is null || leistung.Status.Reifegrad >= MinReifegrad)
        && (MaxReifegrad is null || leistung.Status.Reifegrad <= MaxReifegrad)
        && (NameContains is null || leistung.Name.Contains(NameContains, StringComparison.OrdinalIgnoreCase));
}

using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>Reifegrad, Umsetzungsphase and Verfügbarkeit per Land kürzel (a Land not listed has none).</summary>
[GenerateSerializer, Immutable, Alias("ozg.LeistungStatus")]
public sealed record LeistungStatus(
    [property: Id(0)] int Reifegrad,
    [property: Id(1)] Umsetzungsphase Phase,
    [property: Id(2)] ImmutableSortedDictionary<string, Verfuegbarkeit> Verfuegbarkeit)
{
    /// <summary>Where every Leistung starts: offline, in preparation, nowhere available.</summary>
    public static LeistungStatus Initial { get; } =
        new(Leistungen.Reifegrad.Offline, Umsetzungsphase.Vorbereitung, ImmutableSortedDictionary<string, Verfuegbarkeit>.Empty);

    public Verfuegbarkeit VerfuegbarkeitIn(string landKuerzel) =>
        Verfuegbarkeit.TryGetValue(landKuerzel, out var value) ? value : Leistungen.Verfuegbarkeit.Keine;
}

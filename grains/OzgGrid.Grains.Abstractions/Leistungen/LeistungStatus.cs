using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>
/// Reifegrad, Umsetzungsphase and Verfügbarkeit per Land kürzel (a Land not listed has none). The Reifegrad (model 1.1)
/// is hand-set while <see cref="ReifegradOnlinedienste"/> is 0, else the highest level of that many published, used
/// Onlinedienste, with their highest model-2.0 level in <see cref="Reifegrad20"/> (null while hand-set).
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.LeistungStatus")]
public sealed record LeistungStatus(
    [property: Id(0)] int Reifegrad,
    [property: Id(1)] Umsetzungsphase Phase,
    [property: Id(2)] ImmutableSortedDictionary<string, Verfuegbarkeit> Verfuegbarkeit,
    [property: Id(3)] int ReifegradOnlinedienste = 0,
    [property: Id(4)] int? Reifegrad20 = null)
{
    /// <summary>Where every Leistung starts: offline, in preparation, nowhere available.</summary>
    public static LeistungStatus Initial { get; } =
        new(Leistungen.Reifegrad.Offline, Umsetzungsphase.Vorbereitung, ImmutableSortedDictionary<string, Verfuegbarkeit>.Empty);

    public bool ReifegradAbgeleitet => ReifegradOnlinedienste > 0;

    public Verfuegbarkeit VerfuegbarkeitIn(string landKuerzel) =>
        Verfuegbarkeit.TryGetValue(landKuerzel, out var value) ? value : Leistungen.Verfuegbarkeit.Keine;
}

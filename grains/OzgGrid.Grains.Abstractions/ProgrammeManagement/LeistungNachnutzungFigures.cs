using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Nachnutzung;

namespace OzgGrid.Grains.Abstractions.ProgrammeManagement;

/// <summary>One EfA-Leistung: who builds it, in how many Länder it is live, and how many Länder are in each state.</summary>
[GenerateSerializer, Immutable, Alias("ozg.LeistungNachnutzungFigures")]
public sealed record LeistungNachnutzungFigures(
    [property: Id(0)] int OzgId,
    [property: Id(1)] string Umsetzungsland,
    [property: Id(2)] int NachnutzerLive,
    [property: Id(3)] ImmutableSortedDictionary<NachnutzungZustand, int> LaenderJeZustand);

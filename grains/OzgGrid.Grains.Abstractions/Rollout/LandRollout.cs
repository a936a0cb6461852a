using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Abstractions.Rollout;

/// <summary>
/// A Leistung's rollout in one Land: the Verfügbarkeit derived from its Kommunen, the counts it is derived from, and a
/// page of the reported entries in AGS order (<see cref="NextAfterAgs"/> continues after the last one).
/// <see cref="Published"/> is what the Leistung's status shows; it lags <see cref="Derived"/> only while a write to the
/// Leistung is being retried.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.LandRollout")]
public sealed record LandRollout(
    [property: Id(0)] int OzgId,
    [property: Id(1)] string Land,
    [property: Id(2)] Verfuegbarkeit Derived,
    [property: Id(3)] Verfuegbarkeit Published,
    [property: Id(4)] int RegisteredKommunen,
    [property: Id(5)] int OnlineKommunen,
    [property: Id(6)] int PilotKommunen,
    [property: Id(7)] int ReportedEntries,
    [property: Id(8)] ImmutableArray<RolloutEntry> Entries,
    [property: Id(9)] string? NextAfterAgs);

using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Abstractions.Beschluesse;

/// <summary>
/// A milestone a Beschluss sets, e.g. "Roll-out in allen Ländern bis 31.12.2026": for the listed Leistungen and every
/// Leistung of the listed Themenfelder, for the whole Leistung, one Land, or every Land (<see cref="AlleLaender"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.MeilensteinVorgabe")]
public sealed record MeilensteinVorgabe(
    [property: Id(0)] ImmutableSortedSet<int> OzgIds,
    [property: Id(1)] ImmutableSortedSet<int> ThemenfeldIds,
    [property: Id(2)] Umsetzungsphase Phase,
    [property: Id(3)] string Land,
    [property: Id(4)] bool AlleLaender,
    [property: Id(5)] DateOnly Geplant);

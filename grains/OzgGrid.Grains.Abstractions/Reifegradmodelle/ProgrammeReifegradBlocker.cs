using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Reifegradmodelle;

/// <summary>
/// Across the programme, for the OZG-Leistungen with an Onlinedienst that counts: which reach the level, which stay
/// below it, and per Basiskomponente and per criterion the Leistungen it holds below (OZG-IDs, ascending).
/// </summary>
public sealed record ProgrammeReifegradBlocker(
    ImmutableArray<int> Erreicht,
    ImmutableArray<int> Darunter,
    ImmutableSortedDictionary<Basiskomponente, ImmutableArray<int>> Basiskomponenten,
    ImmutableSortedDictionary<string, ImmutableArray<int>> Kriterien);

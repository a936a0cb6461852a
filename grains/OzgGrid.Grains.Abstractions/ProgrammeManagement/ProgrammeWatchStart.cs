using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.ProgrammeManagement;

/// <summary>
/// Where a resumed programme-management watch starts: the events after its cursor when all of them are still held
/// (<see cref="Snapshot"/> null), or else a snapshot that counts them.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.ProgrammeWatchStart")]
public sealed record ProgrammeWatchStart(
    [property: Id(0)] ProgrammeFiguresSnapshot? Snapshot,
    [property: Id(1)] ImmutableArray<ProgrammeEvent> Missed);

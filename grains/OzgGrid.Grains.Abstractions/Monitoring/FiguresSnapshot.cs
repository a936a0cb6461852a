using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Monitoring;

/// <summary>All programme figures as of <see cref="Cursor"/>: every change up to it is counted, none after it.</summary>
[GenerateSerializer, Immutable, Alias("ozg.FiguresSnapshot")]
public sealed record FiguresSnapshot(
    [property: Id(0)] MonitoringCursor Cursor,
    [property: Id(1)] ImmutableSortedDictionary<string, long> Figures);

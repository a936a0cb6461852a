using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Monitoring;

/// <summary>
/// Consecutive published changes of one aggregator epoch, in sequence order. <see cref="Resync"/> says that the
/// figures were corrected by a recount: watchers need a fresh snapshot.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.ChangeBatch")]
public sealed record ChangeBatch(
    [property: Id(0)] long Epoch,
    [property: Id(1)] ImmutableArray<PublishedChange> Changes,
    [property: Id(2)] bool Resync = false);

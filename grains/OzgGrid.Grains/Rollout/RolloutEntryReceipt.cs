using OzgGrid.Grains.Abstractions.Rollout;

namespace OzgGrid.Grains.Rollout;

/// <summary>An answered report of one entry, by its caller-scoped request key (<see cref="Records.RequestKeys"/>).</summary>
[GenerateSerializer, Immutable, Alias("ozg.RolloutEntryReceipt")]
public sealed record RolloutEntryReceipt(
    [property: Id(0)] long RequestKey,
    [property: Id(1)] long Fingerprint,
    [property: Id(2)] RolloutEntry Answer);

namespace OzgGrid.Grains.Abstractions.Changes;

/// <summary>Who made a change, when, and under which request id.</summary>
[GenerateSerializer, Immutable, Alias("ozg.ChangeStamp")]
public sealed record ChangeStamp(
    [property: Id(0)] string ChangedBy,
    [property: Id(1)] DateTimeOffset ChangedAt,
    [property: Id(2)] string RequestId);

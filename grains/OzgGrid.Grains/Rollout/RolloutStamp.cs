namespace OzgGrid.Grains.Rollout;

/// <summary>
/// Who changed entries of a Land rollout, when, and under which request: one per report, shared by every entry it
/// changed (stored once per partition row by the serializer's reference tracking), so an entry's last change costs a
/// reference, not three strings.
/// </summary>
[GenerateSerializer, Alias("ozg.RolloutStamp")]
public sealed record RolloutStamp(
    [property: Id(0)] string ChangedBy,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string RequestId);

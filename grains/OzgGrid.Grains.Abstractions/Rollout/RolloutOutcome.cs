namespace OzgGrid.Grains.Abstractions.Rollout;

/// <summary>The answer for one reported entry: the entry as accepted, or why it was refused (then nothing of it was applied).</summary>
[GenerateSerializer, Immutable, Alias("ozg.RolloutOutcome")]
public sealed record RolloutOutcome(
    [property: Id(0)] string Ags,
    [property: Id(1)] RolloutEntry? Accepted,
    [property: Id(2)] RolloutRefusal? Refusal,
    [property: Id(3)] string Reason)
{
    public static RolloutOutcome Accept(RolloutEntry entry) => new(entry.Ags, entry, null, string.Empty);

    public static RolloutOutcome Refuse(string ags, RolloutRefusal refusal, string reason) => new(ags, null, refusal, reason);
}

using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Rollout;

/// <summary>What the Anschluss forecast reads of a Land rollout, in one call: who is responsible and which Kommunen are online.</summary>
/// <param name="Zustaendige">The responsible Kommunen as recorded; null when never set (then every registered Kommune is).</param>
/// <param name="Online">The AGS of the entries reported ONLINE, in order, as reported (a retired Kommune's under its own AGS).</param>
[GenerateSerializer, Immutable, Alias("ozg.RolloutOnline")]
public sealed record RolloutOnline(
    [property: Id(0)] ZustaendigeKommunen? Zustaendige,
    [property: Id(1)] ImmutableArray<string> Online);

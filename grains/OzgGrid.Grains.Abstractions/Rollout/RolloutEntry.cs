using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Abstractions.Rollout;

/// <summary>
/// The rollout of one Leistung in one Kommune. <see cref="Version"/> grows by one with every accepted change, so the
/// Land's count can tell a newer entry from one it has counted already.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.RolloutEntry")]
public sealed record RolloutEntry(
    [property: Id(0)] int OzgId,
    [property: Id(1)] string Ags,
    [property: Id(2)] KommuneVerfuegbarkeit Verfuegbarkeit,
    [property: Id(3)] int Reifegrad,
    [property: Id(4)] long Version,
    [property: Id(5)] ChangeStamp? LastChange);

using OzgGrid.Grains.Abstractions.Rollout;

namespace OzgGrid.Grains.Rollout;

/// <summary>One entry of a Land rollout as a partition holds it; <see cref="Version"/> 0: never reported.</summary>
public readonly record struct RolloutEntryValue(KommuneVerfuegbarkeit Verfuegbarkeit, int Reifegrad, int Version, RolloutStamp? Stamp)
{
    public bool Says(RolloutReport report) => Version > 0 && Verfuegbarkeit == report.Verfuegbarkeit && Reifegrad == report.Reifegrad;
}

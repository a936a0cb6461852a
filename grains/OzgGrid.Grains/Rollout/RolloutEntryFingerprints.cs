using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Rollout;

/// <summary>What a report of one rollout entry asks, in a fixed encoding (see <see cref="CanonicalEncoding"/>).</summary>
public static class RolloutEntryFingerprints
{
    public static long Report(RolloutReport report) =>
        new CanonicalEncoding("rollout-entry.report/1").Text(report.Ags).Number((int)report.Verfuegbarkeit).Number(report.Reifegrad).Hash();
}

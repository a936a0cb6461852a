using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Abstractions.Monitoring;

/// <summary>Which Leistungen a monitoring stream follows; null or empty criteria match everything.</summary>
public sealed record WatchFilter(int? ThemenfeldId, string? Land, ImmutableHashSet<int> OzgIds, int? MinReifegrad)
{
    public static WatchFilter All { get; } = new(null, null, [], null);

    /// <summary>The list filter for the snapshot (Themenfeld separately, Leistungen by id in <see cref="Matches(LeistungSummary)"/>).</summary>
    public LeistungFilter ToLeistungFilter() => new(Land: Land, MinReifegrad: MinReifegrad);

    public bool Matches(LeistungSummary leistung) =>
        (ThemenfeldId is null || leistung.ThemenfeldId == ThemenfeldId)
        && (Land is null || leistung.Status.VerfuegbarkeitIn(Land) > Verfuegbarkeit.Keine)
        && (OzgIds.IsEmpty || OzgIds.Contains(leistung.OzgId))
        && (MinReifegrad is null || leistung.Status.Reifegrad >= MinReifegrad);

    /// <summary>
    /// A change matches when the Leistung matches before or after it, so that a watcher also sees a Leistung
    /// leave its selection (a Reifegrad lowered below the minimum, a Land's Verfügbarkeit withdrawn).
    /// </summary>
    public bool Matches(PublishedChange change) =>
        Matches(change.Change.Leistung) || (change.Before is { } before && Matches(before));
}

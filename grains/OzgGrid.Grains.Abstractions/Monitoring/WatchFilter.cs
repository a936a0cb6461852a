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
        (Land is null || leistung.Status.VerfuegbarkeitIn(Land) > Verfuegbarkeit.Keine) && MatchesApartFromLand(leistung);

    /// <summary>
    /// A change matches when the Leistung matches before or after it, so that a watcher also sees a Leistung
    /// leave its selection (a Reifegrad lowered below the minimum, a Land's Verfügbarkeit withdrawn). A
    /// programme-management event (overdue, Nachnutzung) also matches a Land filter when it is about that Land — a
    /// milestone of the Land overdue, the Land building or reusing the Leistung — where the Leistung is not available
    /// there yet; Themenfeld, Leistungen and minimum Reifegrad apply to it as to any change of the Leistung.
    /// </summary>
    public bool Matches(PublishedChange change) =>
        Matches(change.Change.Leistung)
        || (change.Before is { } before && Matches(before))
        || (Land is not null && change.ProgrammeEvent is { } programmeEvent && programmeEvent.Concerns(Land)
            && MatchesApartFromLand(change.Change.Leistung));

    private bool MatchesApartFromLand(LeistungSummary leistung) =>
        (ThemenfeldId is null || leistung.ThemenfeldId == ThemenfeldId)
        && (OzgIds.IsEmpty || OzgIds.Contains(leistung.OzgId))
        && (MinReifegrad is null || leistung.Status.Reifegrad >= MinReifegrad);
}

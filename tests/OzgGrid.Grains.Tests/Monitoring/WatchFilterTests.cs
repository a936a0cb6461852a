using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Termine;
using static OzgGrid.Grains.Tests.Monitoring.MonitoringSamples;

namespace OzgGrid.Grains.Tests.Monitoring;

public sealed class WatchFilterTests
{
    // --- Leistungen ---

    [Fact]
    public void The_empty_filter_matches_every_leistung()
    {
        Assert.True(WatchFilter.All.Matches(Leistung()));
        Assert.True(WatchFilter.All.Matches(Leistung(themenfeldId: 14, reifegrad: Reifegrad.OnlineTransaktion).AvailableIn("BE", Verfuegbarkeit.Pilot)));
    }

    [Fact]
    public void A_themenfeld_filter_matches_only_leistungen_of_that_themenfeld()
    {
        var filter = WatchFilter.All with { ThemenfeldId = 6 };

        Assert.True(filter.Matches(Leistung(themenfeldId: 6)));
        Assert.False(filter.Matches(Leistung(themenfeldId: 7)));
    }

    [Theory]
    [InlineData(Verfuegbarkeit.Pilot, true)]
    [InlineData(Verfuegbarkeit.InMindestensEinerKommune, true)]
    [InlineData(Verfuegbarkeit.Flaechendeckend, true)]
    [InlineData(Verfuegbarkeit.Keine, false)]
    public void A_land_filter_matches_leistungen_with_any_verfuegbarkeit_above_keine_in_that_land(Verfuegbarkeit verfuegbarkeit, bool matches)
    {
        var filter = WatchFilter.All with { Land = "NW" };

        Assert.Equal(matches, filter.Matches(Leistung().AvailableIn("NW", verfuegbarkeit)));
    }

    [Fact]
    public void A_land_filter_does_not_match_a_leistung_available_only_elsewhere()
    {
        var filter = WatchFilter.All with { Land = "NW" };

        Assert.False(filter.Matches(Leistung()));
        Assert.False(filter.Matches(Leistung().AvailableIn("BY", Verfuegbarkeit.Flaechendeckend)));
    }

    [Fact]
    public void An_ozg_id_filter_matches_only_the_listed_leistungen()
    {
        var filter = WatchFilter.All with { OzgIds = [10001, 10002] };

        Assert.True(filter.Matches(Leistung(ozgId: 10002)));
        Assert.False(filter.Matches(Leistung(ozgId: 10003)));
    }

    [Theory]
    [InlineData(Reifegrad.FormularAssistent, false)]
    [InlineData(Reifegrad.OnlineLeistung, true)]
    [InlineData(Reifegrad.OnlineTransaktion, true)]
    public void A_minimum_reifegrad_matches_leistungen_at_it_or_above(int reifegrad, bool matches)
    {
        var filter = WatchFilter.All with { MinReifegrad = Reifegrad.OnlineLeistung };

        Assert.Equal(matches, filter.Matches(Leistung(reifegrad: reifegrad)));
    }

    [Fact]
    public void A_leistung_must_meet_every_criterion_of_the_filter()
    {
        var filter = new WatchFilter(6, "NW", [10001], Reifegrad.OnlineLeistung);
        var matching = Leistung(ozgId: 10001, themenfeldId: 6, reifegrad: Reifegrad.OnlineLeistung).AvailableIn("NW", Verfuegbarkeit.Pilot);

        Assert.True(filter.Matches(matching));
        Assert.False(filter.Matches(matching with { ThemenfeldId = 7 }));
        Assert.False(filter.Matches(matching with { OzgId = 10002 }));
        Assert.False(filter.Matches(matching.AvailableIn("NW", Verfuegbarkeit.Keine)));
        Assert.False(filter.Matches(matching.AtReifegrad(Reifegrad.FormularAssistent)));
    }

    // --- Published changes ---

    [Fact]
    public void A_change_that_lowers_the_reifegrad_below_the_minimum_still_matches()
    {
        var filter = WatchFilter.All with { MinReifegrad = Reifegrad.OnlineLeistung };
        var before = Leistung(reifegrad: Reifegrad.OnlineLeistung);

        Assert.True(filter.Matches(Published(1, before.AtReifegrad(Reifegrad.FormularAssistent), before)));
    }

    [Fact]
    public void A_change_that_raises_the_reifegrad_to_the_minimum_matches()
    {
        var filter = WatchFilter.All with { MinReifegrad = Reifegrad.OnlineLeistung };
        var before = Leistung(reifegrad: Reifegrad.FormularAssistent);

        Assert.True(filter.Matches(Published(1, before.AtReifegrad(Reifegrad.OnlineLeistung), before)));
    }

    [Fact]
    public void A_change_that_withdraws_the_leistung_from_the_land_still_matches()
    {
        var filter = WatchFilter.All with { Land = "NW" };
        var before = Leistung(reifegrad: Reifegrad.OnlineLeistung).AvailableIn("NW", Verfuegbarkeit.Pilot);

        Assert.True(filter.Matches(Published(1, before.AvailableIn("NW", Verfuegbarkeit.Keine) with { Version = 2 }, before)));
    }

    [Fact]
    public void A_change_that_matches_neither_before_nor_after_does_not_match()
    {
        var filter = WatchFilter.All with { MinReifegrad = Reifegrad.OnlineLeistung };
        var before = Leistung(reifegrad: Reifegrad.Information);

        Assert.False(filter.Matches(Published(1, before.AtReifegrad(Reifegrad.FormularAssistent), before)));
    }

    [Fact]
    public void A_new_leistung_matches_by_its_state_after_the_change_alone()
    {
        var filter = WatchFilter.All with { ThemenfeldId = 6 };

        Assert.True(filter.Matches(Published(1, Leistung(themenfeldId: 6))));
        Assert.False(filter.Matches(Published(1, Leistung(themenfeldId: 7))));
    }

    // --- programme-management changes ---

    [Fact]
    public void A_land_filter_matches_a_programme_management_change_about_that_land_where_the_leistung_is_not_available_there()
    {
        var leistung = Leistung(ozgId: 10050);
        var overdueInNw = OverdueEvent(leistung.OzgId, new Meilenstein(Umsetzungsphase.RollOut, "NW", new DateOnly(2026, 6, 30), "2022/23"));
        var overdueInBy = OverdueEvent(leistung.OzgId, new Meilenstein(Umsetzungsphase.RollOut, "BY", new DateOnly(2026, 6, 30), "2022/23"));

        Assert.True((WatchFilter.All with { Land = "NW" }).Matches(ProgrammeManagementChange(leistung, overdueInNw)));
        Assert.False((WatchFilter.All with { Land = "NW" }).Matches(ProgrammeManagementChange(leistung, overdueInBy)));
    }

    [Fact]
    public void A_land_filter_matches_a_nachnutzung_change_of_a_land_that_builds_or_reuses_the_leistung()
    {
        var leistung = Leistung(ozgId: 10051);
        var efa = new EfaNachnutzung(leistung.OzgId, "HE", ImmutableSortedDictionary<string, NachnutzungZustand>.Empty.Add("BY", NachnutzungZustand.Vertrag));
        var changed = ProgrammeManagementChange(leistung, OverdueEvent(leistung.OzgId) with { Kind = ProgrammeEventKind.NachnutzungGeaendert, Nachnutzung = efa });

        Assert.True((WatchFilter.All with { Land = "HE" }).Matches(changed));
        Assert.True((WatchFilter.All with { Land = "BY" }).Matches(changed));
        Assert.False((WatchFilter.All with { Land = "NW" }).Matches(changed));
    }

    [Fact]
    public void Themenfeld_leistungen_and_minimum_reifegrad_apply_to_a_programme_management_change_as_to_any_change_of_its_leistung()
    {
        var leistung = Leistung(ozgId: 10052, themenfeldId: 6, reifegrad: Reifegrad.Information);
        var change = ProgrammeManagementChange(leistung, OverdueEvent(leistung.OzgId, new Meilenstein(Umsetzungsphase.RollOut, "NW", new DateOnly(2026, 6, 30), string.Empty)));

        Assert.True((WatchFilter.All with { ThemenfeldId = 6, Land = "NW" }).Matches(change));
        Assert.False((WatchFilter.All with { ThemenfeldId = 7, Land = "NW" }).Matches(change));
        Assert.False((WatchFilter.All with { OzgIds = [10000], Land = "NW" }).Matches(change));
        Assert.False((WatchFilter.All with { MinReifegrad = Reifegrad.OnlineLeistung, Land = "NW" }).Matches(change));
        Assert.True((WatchFilter.All with { MinReifegrad = Reifegrad.Information }).Matches(change));
    }

    private static ProgrammeEvent OverdueEvent(int ozgId, params Meilenstein[] ueberfaellig) =>
        new(1, ProgrammeEventKind.Ueberfaellig, ozgId, "overdue", DateTimeOffset.UtcNow, [], "ozggrid-fristpruefung", [], [.. ueberfaellig], [], null);

    /// <summary>A programme-management change as the aggregator publishes it: the Leistung unchanged, before and after.</summary>
    private static PublishedChange ProgrammeManagementChange(LeistungSummary leistung, ProgrammeEvent programmeEvent) =>
        new(1, new LeistungChanged(leistung, ChangeKind.Ueberfaellig, new ChangeStamp("ozggrid-fristpruefung", DateTimeOffset.UtcNow, string.Empty), []),
            leistung, [], programmeEvent);
}

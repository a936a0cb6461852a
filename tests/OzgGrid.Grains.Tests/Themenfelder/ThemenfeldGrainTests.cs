using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Themenfelder;
using OzgGrid.Grains.Monitoring;
using OzgGrid.Grains.Tests.Monitoring;

namespace OzgGrid.Grains.Tests.Themenfelder;

[Collection(ClusterCollection.Name)]
public sealed class ThemenfeldGrainTests(ClusterFixture fixture)
{
    private static readonly LeistungFilter All = new();

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly TestCatalog _catalog = new(fixture.Grains);

    [Fact]
    public async Task A_themenfeld_that_is_not_in_the_catalogue_is_not_found()
    {
        var unknown = _grains.GetGrain<IThemenfeldGrain>(FreshKeys.Next());

        await Assert.ThrowsAsync<NotFoundException>(unknown.GetAsync);
        await Assert.ThrowsAsync<NotFoundException>(
            () => unknown.SetFederfuehrungAsync(WriteCommands.New(), Lead("BMI", "NW")));
    }

    [Fact]
    public async Task An_imported_themenfeld_shows_its_lagen_with_their_leistungen_and_the_known_federfuehrung()
    {
        var (themenfeld, entry, _) = await _catalog.AddThemenfeldAsync(leistungen: 3, Lead("BMFSFJ", "HB"));

        var details = await themenfeld.GetAsync();

        Assert.Equal(entry.ThemenfeldId, details.ThemenfeldId);
        Assert.Equal(entry.Name, details.Name);
        Assert.Equal(3, details.LeistungenCount);
        Assert.Equal([2, 1], details.Lagen.Select(l => l.LeistungenCount));
        Assert.Equal(entry.Lagen.Select(l => l.Name), details.Lagen.Select(l => l.Name));
        Assert.True(Lead("BMFSFJ", "HB").SameAs(details.Federfuehrung));
        Assert.Equal(1, details.Version);
        Assert.Equal(TestCatalog.Importer, details.LastChange.ChangedBy);
    }

    // --- Federführung ---

    [Fact]
    public async Task Setting_the_federfuehrung_stores_it_and_raises_the_version_by_one()
    {
        var (themenfeld, _, _) = await _catalog.AddThemenfeldAsync(leistungen: 1);
        var before = await themenfeld.GetAsync();

        var result = await themenfeld.SetFederfuehrungAsync(WriteCommands.New("programm-management"), Lead("BMG", "NI", "BE"));

        Assert.Null(before.Federfuehrung);
        Assert.Equal(before.Version + 1, result.Version);
        Assert.Equal("programm-management", result.LastChange.ChangedBy);
        var stored = await themenfeld.GetAsync();
        Assert.True(Lead("BMG", "BE", "NI").SameAs(stored.Federfuehrung));
        Assert.Equal(result.Version, stored.Version);
    }

    [Fact]
    public async Task A_federfuehrung_retry_with_the_same_request_id_is_applied_once()
    {
        var (themenfeld, _, _) = await _catalog.AddThemenfeldAsync(leistungen: 1);
        var command = WriteCommands.New();

        var first = await themenfeld.SetFederfuehrungAsync(command, Lead("BMI", "HE"));
        var retry = await themenfeld.SetFederfuehrungAsync(command, Lead("BMI", "HE"));

        Assert.Equal(first.Version, retry.Version);
        Assert.Equal(first.LastChange, retry.LastChange);
        Assert.Equal(first.Version, (await themenfeld.GetAsync()).Version);
    }

    [Fact]
    public async Task A_request_id_reused_for_a_different_federfuehrung_is_refused()
    {
        var (themenfeld, _, _) = await _catalog.AddThemenfeldAsync(leistungen: 1);
        var command = WriteCommands.New();
        await themenfeld.SetFederfuehrungAsync(command, Lead("BMI", "HE"));

        var error = await Assert.ThrowsAsync<RequestIdReusedException>(
            () => themenfeld.SetFederfuehrungAsync(command, Lead("BMI", "HE", "NW")));

        Assert.Equal(command.RequestId, error.RequestId);
        Assert.True(Lead("BMI", "HE").SameAs((await themenfeld.GetAsync()).Federfuehrung));
    }

    [Fact]
    public async Task A_stale_expected_version_of_a_themenfeld_is_refused_with_the_current_version()
    {
        var (themenfeld, _, _) = await _catalog.AddThemenfeldAsync(leistungen: 1);
        var read = await themenfeld.GetAsync();
        var other = await themenfeld.SetFederfuehrungAsync(WriteCommands.New(), Lead("BMWK", "BY"));

        var conflict = await Assert.ThrowsAsync<VersionConflictException>(
            () => themenfeld.SetFederfuehrungAsync(WriteCommands.New(expectedVersion: read.Version), Lead("BMAS", "BY")));

        Assert.Equal(other.Version, conflict.CurrentVersion);
        Assert.Equal("BMWK", (await themenfeld.GetAsync()).Federfuehrung?.Bundesressort);
    }

    [Fact]
    public async Task Setting_the_same_federfuehrung_again_does_not_raise_the_version()
    {
        var (themenfeld, _, _) = await _catalog.AddThemenfeldAsync(leistungen: 1);
        var first = await themenfeld.SetFederfuehrungAsync(WriteCommands.New(), Lead("BMI", "HE", "NW"));

        var again = await themenfeld.SetFederfuehrungAsync(WriteCommands.New(), Lead("BMI", "NW", "HE"));

        Assert.Equal(first.Version, again.Version);
    }

    [Theory]
    [InlineData("BMI", "XX", "federfuehrung.laender")]
    [InlineData("", "", "federfuehrung")]
    public async Task An_invalid_federfuehrung_is_refused_naming_the_field(string bundesressort, string land, string field)
    {
        var (themenfeld, _, _) = await _catalog.AddThemenfeldAsync(leistungen: 1);
        var federfuehrung = land.Length == 0 ? Lead(bundesressort) : Lead(bundesressort, land);

        var error = await Assert.ThrowsAsync<InvalidFieldException>(
            () => themenfeld.SetFederfuehrungAsync(WriteCommands.New(), federfuehrung));

        Assert.Equal(field, error.Field);
        Assert.Equal(1, (await themenfeld.GetAsync()).Version);
    }

    [Fact]
    public async Task A_federfuehrung_set_through_the_api_survives_a_new_import()
    {
        var (themenfeld, entry, _) = await _catalog.AddThemenfeldAsync(leistungen: 1, Lead(string.Empty, "NW"));
        var set = await themenfeld.SetFederfuehrungAsync(WriteCommands.New(), Lead("BMAS", "NW", "HE"));

        await themenfeld.ImportAsync(entry, Lead(string.Empty, "NW"), TestCatalog.ImportStamp());

        var details = await themenfeld.GetAsync();
        Assert.True(Lead("BMAS", "HE", "NW").SameAs(details.Federfuehrung));
        Assert.Equal(set.Version, details.Version);
    }

    // --- Index of the Themenfeld's Leistungen ---

    [Fact]
    public async Task The_index_reflects_a_status_update_at_once()
    {
        var (themenfeld, _, leistungen) = await _catalog.AddThemenfeldAsync(leistungen: 3);
        var before = await themenfeld.QueryLeistungenAsync(new LeistungFilter(MinReifegrad: Reifegrad.OnlineLeistung), 0, 10);
        var target = leistungen[1].OzgId;

        var result = await _grains.GetGrain<ILeistungGrain>(target)
            .UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.OnlineLeistung, null, null));
        var after = await themenfeld.QueryLeistungenAsync(new LeistungFilter(MinReifegrad: Reifegrad.OnlineLeistung), 0, 10);

        Assert.Empty(before.Leistungen);
        Assert.Equal(0, before.TotalCount);
        var found = Assert.Single(after.Leistungen);
        Assert.Equal(target, found.OzgId);
        Assert.Equal(result.Version, found.Version);
        Assert.Equal(Reifegrad.OnlineLeistung, found.Status.Reifegrad);
        Assert.Equal(1, after.TotalCount);
    }

    [Fact]
    public async Task The_index_holds_every_change_the_monitoring_published_even_when_the_Leistungs_notice_to_it_was_lost()
    {
        var (themenfeld, _, leistungen) = await _catalog.AddThemenfeldAsync(leistungen: 2);
        var target = leistungen[0].OzgId;
        var hub = fixture.GetSiloService<MonitoringHub>();
        var subscription = hub.Subscribe(null);
        try
        {
            var lostBefore = fixture.IndexNoticeLoss.Lost;
            fixture.IndexNoticeLoss.LoseNext(1, call => call.Request.GetArgument(0) is LeistungSummary { } summary && summary.OzgId == target);

            var result = await _grains.GetGrain<ILeistungGrain>(target).UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.OnlineLeistung, null, null));
            await Poll.UntilAsync(() => Task.FromResult(fixture.IndexNoticeLoss.Lost), lost => lost > lostBefore, "the notice to the index lost", Deadline);
            await subscription.LeistungPublishedAsync(target, result.Version, Deadline);

            // What a watcher's snapshot reads right after it was sent the change (figures, then the index).
            var indexed = (await themenfeld.QueryLeistungenAsync(All, 0, 10)).Leistungen.Single(l => l.OzgId == target);
            Assert.Equal(result.Version, indexed.Version);
            Assert.Equal(Reifegrad.OnlineLeistung, indexed.Status.Reifegrad);
        }
        finally
        {
            hub.Unsubscribe(subscription);
        }
    }

    [Fact]
    public async Task The_index_filters_by_land_and_minimum_verfuegbarkeit()
    {
        var (themenfeld, _, leistungen) = await _catalog.AddThemenfeldAsync(leistungen: 3);
        await _grains.GetGrain<ILeistungGrain>(leistungen[0].OzgId)
            .UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.OnlineLeistung, null, new("NW", Verfuegbarkeit.Pilot)));
        await _grains.GetGrain<ILeistungGrain>(leistungen[2].OzgId)
            .UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.OnlineLeistung, null, new("NW", Verfuegbarkeit.Flaechendeckend)));

        var pilot = await themenfeld.QueryLeistungenAsync(new LeistungFilter(Land: "NW"), 0, 10);
        var flaechendeckend = await themenfeld.QueryLeistungenAsync(
            new LeistungFilter(Land: "NW", MinVerfuegbarkeit: Verfuegbarkeit.Flaechendeckend), 0, 10);
        var elsewhere = await themenfeld.QueryLeistungenAsync(new LeistungFilter(Land: "BY"), 0, 10);

        Assert.Equal([leistungen[0].OzgId, leistungen[2].OzgId], pilot.Leistungen.Select(l => l.OzgId));
        Assert.Equal([leistungen[2].OzgId], flaechendeckend.Leistungen.Select(l => l.OzgId));
        Assert.Empty(elsewhere.Leistungen);
    }

    [Fact]
    public async Task The_index_pages_in_ozg_id_order_and_counts_all_matches()
    {
        var (themenfeld, _, leistungen) = await _catalog.AddThemenfeldAsync(leistungen: 5);
        var ids = leistungen.Select(l => l.OzgId).ToList();

        var first = await themenfeld.QueryLeistungenAsync(All, 0, 2);
        var second = await themenfeld.QueryLeistungenAsync(All, first.Leistungen[^1].OzgId, 2);
        var last = await themenfeld.QueryLeistungenAsync(All, second.Leistungen[^1].OzgId, 2);

        Assert.Equal(ids[..2], first.Leistungen.Select(l => l.OzgId));
        Assert.Equal(ids[2..4], second.Leistungen.Select(l => l.OzgId));
        Assert.Equal(ids[4..], last.Leistungen.Select(l => l.OzgId));
        Assert.All([first, second, last], page => Assert.Equal(5, page.TotalCount));
    }

    [Fact]
    public async Task A_new_activation_of_the_themenfeld_indexes_the_stored_status_of_its_leistungen()
    {
        var (themenfeld, _, leistungen) = await _catalog.AddThemenfeldAsync(leistungen: 3);
        var target = leistungen[0].OzgId;
        var result = await _grains.GetGrain<ILeistungGrain>(target)
            .UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.OnlineTransaktion, null, new("HB", Verfuegbarkeit.Pilot)));

        await fixture.Cluster.DeactivateAsync(themenfeld);
        var page = await themenfeld.QueryLeistungenAsync(new LeistungFilter(Land: "HB", MinReifegrad: Reifegrad.OnlineTransaktion), 0, 10);

        var found = Assert.Single(page.Leistungen);
        Assert.Equal(target, found.OzgId);
        Assert.Equal(result.Version, found.Version);
        Assert.Equal(3, (await themenfeld.QueryLeistungenAsync(All, 0, 10)).TotalCount);
    }

    [Fact]
    public async Task The_index_is_rebuilt_from_the_leistungen_after_the_themenfeld_is_deactivated()
    {
        var (themenfeld, entry, leistungen) = await _catalog.AddThemenfeldAsync(leistungen: 2);
        var target = leistungen[0];
        var real = await _grains.GetGrain<ILeistungGrain>(target.OzgId).GetSummaryAsync();
        Assert.NotNull(real);

        // A report the Leistung never made: only the running activation's index knows it (once the one-way notice is in).
        var bogus = real with { Status = real.Status with { Reifegrad = Reifegrad.OnlineTransaktion }, Version = real.Version + 100 };
        await themenfeld.OnLeistungChangedAsync(bogus);
        var filter = new LeistungFilter(MinReifegrad: Reifegrad.OnlineTransaktion);
        await Poll.UntilAsync(() => themenfeld.QueryLeistungenAsync(filter, 0, 10), page => page.Leistungen.Length == 1,
            "the index to take the notice", TimeSpan.FromSeconds(10));

        await fixture.Cluster.DeactivateAsync(themenfeld);

        Assert.Empty((await themenfeld.QueryLeistungenAsync(filter, 0, 10)).Leistungen);
        var rebuilt = await themenfeld.QueryLeistungenAsync(All, 0, 10);
        Assert.Equal(entry.LeistungIds, rebuilt.Leistungen.Select(l => l.OzgId));
        Assert.Equal(real.Version, rebuilt.Leistungen[0].Version);
    }

    [Fact]
    public async Task A_leistung_moved_away_in_a_new_import_leaves_the_index()
    {
        var (themenfeld, entry, leistungen) = await _catalog.AddThemenfeldAsync(leistungen: 2);
        var moved = leistungen[1];
        var stamp = TestCatalog.ImportStamp();

        await themenfeld.ImportAsync(entry with { LeistungIds = [leistungen[0].OzgId] }, null, stamp);
        await _grains.GetGrain<ILeistungGrain>(moved.OzgId).ImportAsync(moved with { ThemenfeldId = FreshKeys.Next() }, stamp);

        var page = await themenfeld.QueryLeistungenAsync(All, 0, 10);
        Assert.Equal([leistungen[0].OzgId], page.Leistungen.Select(l => l.OzgId));
        Assert.Equal(1, (await themenfeld.GetAsync()).LeistungenCount);
    }

    [Fact]
    public async Task A_batch_from_before_the_import_that_moved_a_leistung_away_does_not_bring_it_back()
    {
        var (themenfeld, entry, leistungen) = await _catalog.AddThemenfeldAsync(leistungen: 2);
        var moved = leistungen[1];
        var before = await _grains.GetGrain<ILeistungGrain>(moved.OzgId).GetSummaryAsync();

        await themenfeld.ImportAsync(entry with { LeistungIds = [leistungen[0].OzgId] }, null, TestCatalog.ImportStamp());
        // A silo's change batcher hands the index the Leistung's summary from before the import, late.
        await themenfeld.OnLeistungenChangedAsync([before!]);

        var page = await themenfeld.QueryLeistungenAsync(All, 0, 10);
        Assert.Equal([leistungen[0].OzgId], page.Leistungen.Select(l => l.OzgId));
    }

    [Fact]
    public async Task A_new_import_of_a_themenfeld_is_recorded_as_a_catalogue_change()
    {
        var (themenfeld, entry, _) = await _catalog.AddThemenfeldAsync(leistungen: 1);

        await themenfeld.ImportAsync(entry with { Name = "Umbenannt" }, null, TestCatalog.ImportStamp());
        await themenfeld.ImportAsync(entry with { Name = "Umbenannt" }, null, TestCatalog.ImportStamp());

        var details = await themenfeld.GetAsync();
        Assert.Equal("Umbenannt", details.Name);
        Assert.Equal(2, details.Version);
    }

    private static Federfuehrung Lead(string bundesressort, params string[] laender) =>
        new(bundesressort, laender.ToImmutableSortedSet(StringComparer.Ordinal));
}

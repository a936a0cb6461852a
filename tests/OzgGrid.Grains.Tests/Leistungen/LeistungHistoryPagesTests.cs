using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Leistungen;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Tests.Leistungen;

/// <summary>A history longer than a page: paging, status as of a moment, retries answered from sealed pages.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LeistungHistoryPagesTests(ClusterFixture fixture)
{
    private const int PageSize = HistoryPaging.PageSize;

    private static readonly string FirstPage = $"{LeistungGrain.Names.History}-0";

    private readonly TestCatalog _catalog = new(fixture.Grains);

    [Fact]
    public async Task A_history_of_several_pages_pages_newest_first_without_gaps_or_repeats()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var newest = await UpdateManyAsync(leistung, (2 * PageSize) + 5);

        var seen = new List<long>();
        long? before = null;
        do
        {
            var page = await leistung.GetChangesAsync(before, 7);
            seen.AddRange(page.Changes.Select(change => change.Version));
            before = page.NextBeforeVersion;
        }
        while (before is not null);

        Assert.Equal(LongRange(newest, 1), seen);
        var fromTheMiddle = await leistung.GetChangesAsync(PageSize + 3, 5);
        Assert.Equal(LongRange(PageSize + 2, PageSize - 2), fromTheMiddle.Changes.Select(change => change.Version));
        Assert.Equal(PageSize - 2, fromTheMiddle.NextBeforeVersion);
    }

    [Fact]
    public async Task A_history_of_several_pages_survives_a_new_activation()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var results = await UpdateManyAsync(leistung, PageSize + 3);

        await fixture.Cluster.DeactivateAsync(leistung);
        var all = await leistung.GetChangesAsync(null, 100);

        Assert.Equal(LongRange(results, 1), all.Changes.Select(change => change.Version));
        Assert.All(all.Changes.SkipLast(1), change => Assert.Equal(ChangeKind.Status, change.Kind));
        Assert.Equal(ChangeKind.Katalog, all.Changes[^1].Kind);
    }

    [Fact]
    public async Task The_status_as_of_a_moment_is_found_in_older_pages()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var results = new List<LeistungWriteResult>();
        for (var i = 0; i < (2 * PageSize) + 1; i++)
        {
            results.Add(await leistung.UpdateStatusAsync(WriteCommands.New(), new((i + 1) % 5, null, null)));
        }

        foreach (var asked in new[] { results[2], results[PageSize + 1], results[^1] })
        {
            var moment = asked.LastChange.ChangedAt;
            var expected = results.Last(result => result.LastChange.ChangedAt <= moment);

            var asOf = await leistung.GetAsOfAsync(moment);

            Assert.NotNull(asOf);
            Assert.Equal(expected.Version, asOf.Leistung.Version);
            Assert.Equal(expected.Status, asOf.Leistung.Status);
        }
    }

    [Fact]
    public async Task A_retry_after_its_change_was_sealed_into_a_page_and_a_new_activation_gets_the_same_answer()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var zustaendigkeit = new Zustaendigkeit(new UmsetzendeStelle(UmsetzendeStelleArt.Land, "HE"), false, "ekom21", []);
        var setCommand = WriteCommands.New("pm");
        var statusCommand = WriteCommands.New("ekom21");
        var set = await leistung.SetZustaendigkeitAsync(setCommand, zustaendigkeit);
        var status = await leistung.UpdateStatusAsync(statusCommand, new(Reifegrad.OnlineLeistung, Umsetzungsphase.Pilotierung, null));
        await UpdateManyAsync(leistung, PageSize + 2);
        await leistung.SetZustaendigkeitAsync(WriteCommands.New("pm"), zustaendigkeit with { ItDienstleister = "dataport" });

        await fixture.Cluster.DeactivateAsync(leistung);
        var setAgain = await leistung.SetZustaendigkeitAsync(setCommand, zustaendigkeit);
        var statusAgain = await leistung.UpdateStatusAsync(statusCommand, new(Reifegrad.OnlineLeistung, Umsetzungsphase.Pilotierung, null));

        Assert.Equal((set.Version, set.LastChange), (setAgain.Version, setAgain.LastChange));
        Assert.True(zustaendigkeit.SameAs(setAgain.Zustaendigkeit));
        Assert.Equal(status.Version, statusAgain.Version);
        Assert.Equal((status.Status.Reifegrad, status.Status.Phase), (statusAgain.Status.Reifegrad, statusAgain.Status.Phase));
        Assert.Equal(status.LastChange, statusAgain.LastChange);
        Assert.Equal("ekom21", statusAgain.Zustaendigkeit?.ItDienstleister);
        Assert.Equal("dataport", (await leistung.GetAsync()).Zustaendigkeit?.ItDienstleister);
        await Assert.ThrowsAsync<RequestIdReusedException>(
            () => leistung.UpdateStatusAsync(statusCommand, new(Reifegrad.Information, null, null)));
    }

    [Fact]
    public async Task A_page_sealed_by_another_activation_is_not_overwritten_by_a_stale_one()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var reached = await UpdateManyAsync(leistung, PageSize - 2);
        Assert.Equal(PageSize - 1, reached);
        var grainId = leistung.GetGrainId();

        // Another activation of the same Leistung (the cluster disagreeing where it lives) seals page 0 with its change.
        var stored = new GrainState<RecordState<LeistungBody, ChangeRecord>>();
        await Storage(StorageNames.State).ReadStateAsync(LeistungGrain.StateName, grainId, stored);
        var theirs = new ChangeRecord(PageSize, ChangeKind.Status, new ChangeStamp("other", DateTimeOffset.UtcNow, "other-activation"), [], stored.State!.Body!.Status);
        await Storage(StorageNames.History).WriteStateAsync(
            FirstPage, grainId, new GrainState<HistoryPage<ChangeRecord>>(new HistoryPage<ChangeRecord> { Encoded = stored.State.Unsealed.Add(theirs) }));
        stored.State = stored.State with { Version = PageSize, LastChange = theirs.Stamp, Unsealed = UnsealedChanges<ChangeRecord>.Empty, SealedPages = 1 };
        await Storage(StorageNames.State).WriteStateAsync(LeistungGrain.StateName, grainId, stored);

        // The stale activation still holds version 15: its change would seal page 0 as well.
        await Assert.ThrowsAnyAsync<Exception>(() => leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.Information, null, null)));

        var page = new GrainState<HistoryPage<ChangeRecord>>();
        await Storage(StorageNames.History).ReadStateAsync(FirstPage, grainId, page);
        Assert.Equal("other-activation", page.State!.Changes[^1].Stamp.RequestId);
        var newest = await Poll.UntilAsync(() => leistung.GetChangesAsync(null, 1), changes => changes.Changes[0].Version == PageSize,
            "the next activation to read the stored state", TimeSpan.FromSeconds(10));
        Assert.Equal("other-activation", newest.Changes[0].Stamp.RequestId);
    }

    private IGrainStorage Storage(string name) =>
        fixture.Cluster.GetSiloServiceProvider(null).GetRequiredKeyedService<IGrainStorage>(name);

    /// <summary>Moves the Reifegrad <paramref name="count"/> times (each a new version); returns the newest version.</summary>
    private static async Task<long> UpdateManyAsync(ILeistungGrain leistung, int count)
    {
        LeistungWriteResult? last = null;
        for (var i = 1; i <= count; i++)
        {
            last = await leistung.UpdateStatusAsync(WriteCommands.New(), new(i % 5, null, null));
        }

        return last!.Version;
    }

    private static long[] LongRange(long from, long downTo) =>
        [.. Enumerable.Range(0, (int)(from - downTo + 1)).Select(i => from - i)];
}

using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Beschluesse;
using OzgGrid.Grains.Abstractions.Catalog;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Dienstleister;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Termine;
using OzgGrid.Grains.ProgrammeManagement;

namespace OzgGrid.Grains.Tests.Storage;

/// <summary>
/// A write that storage refused was not taken: the grain does not go on as if it had been, and the caller's retry
/// stores it.
/// </summary>
public sealed class FailedWriteTests(OutageClusterFixture fixture) : IClassFixture<OutageClusterFixture>
{
    [Fact]
    public async Task An_id_set_forgets_an_id_it_could_not_store_and_stores_it_on_the_retry()
    {
        var set = fixture.Grains.GetGrain<IIdSetGrain>($"outage-{Guid.NewGuid():N}");
        await set.SetAsync("first", member: true);
        fixture.OutageOf(StorageNames.State).FailNextWrites(set.GetGrainId());

        await Assert.ThrowsAnyAsync<Exception>(() => set.SetAsync("second", member: true));

        Assert.Equal(["first"], await set.GetAsync());
        await set.SetAsync("second", member: true);
        Assert.Equal(["first", "second"], await StoredIdsAsync(set));
    }

    [Fact]
    public async Task The_directory_forgets_an_IT_Dienstleister_it_could_not_store_and_stores_it_on_the_retry()
    {
        var directory = fixture.Grains.GetGrain<IItDienstleisterDirectoryGrain>(IItDienstleisterDirectoryGrain.Key);
        var id = $"outage-{Guid.NewGuid():N}"[..20];
        fixture.OutageOf(StorageNames.State).FailNextWrites(directory.GetGrainId());

        await Assert.ThrowsAnyAsync<Exception>(() => directory.AddAsync(id));

        Assert.DoesNotContain(id, await directory.ListIdsAsync());
        await directory.AddAsync(id);
        Assert.Contains(id, await directory.ListIdsAsync());
    }

    [Fact]
    public async Task The_catalogue_does_not_report_an_import_it_could_not_store()
    {
        var catalog = fixture.Grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key);
        var before = await catalog.GetLastImportAsync();
        fixture.OutageOf(StorageNames.State).FailNextWrites(catalog.GetGrainId());

        await Assert.ThrowsAnyAsync<Exception>(() => catalog.RecordImportAsync(ImportReport($"outage-{Guid.NewGuid():N}")));

        Assert.Equal(before?.Stamp.RequestId, (await catalog.GetLastImportAsync())?.Stamp.RequestId);
    }

    [Fact]
    public async Task The_programme_figures_count_a_report_again_whose_write_failed()
    {
        var figures = fixture.Grains.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key);
        var before = Overdue(await figures.GetSnapshotAsync());
        var overdue = new UeberfaelligeLeistung(
            90_000 + Random.Shared.Next(9_999), 3, [new Meilenstein(Umsetzungsphase.Regelbetrieb, string.Empty, new DateOnly(2026, 1, 31), string.Empty)]);
        var stamp = new ChangeStamp("termine", DateTimeOffset.UtcNow, $"outage-{Guid.NewGuid():N}");
        fixture.OutageOf(StorageNames.Aggregates).FailNextWrites(figures.GetGrainId());

        await Assert.ThrowsAnyAsync<Exception>(() => figures.ReportUeberfaelligAsync(overdue, 1, stamp));

        // The reporter tries again with the same version: it must not be ignored as known, or storage never gets it.
        await figures.ReportUeberfaelligAsync(overdue, 1, stamp);

        Assert.Equal(before + 1, Overdue(await figures.GetSnapshotAsync()));
        var stored = new GrainState<ProgrammeFiguresState>(new());
        await fixture.OutageOf(StorageNames.Aggregates).ReadStateAsync("programme-management-figures", figures.GetGrainId(), stored);
        Assert.True(stored.State!.Termine.ContainsKey(overdue.OzgId), "The retried report is not in storage.");
    }

    [Fact]
    public async Task A_Beschluss_whose_listing_failed_after_it_was_recorded_is_listed_on_the_retry()
    {
        var nummer = $"2026/{Random.Shared.Next(1, 999_999_999)}";
        var list = fixture.Grains.GetGrain<IIdSetGrain>(IdSets.Beschluesse);
        var beschluss = new Beschluss(nummer, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), "Test", "Text", [], []);
        var command = WriteCommands.New("pm");
        fixture.OutageOf(StorageNames.State).FailNextWrites(list.GetGrainId());

        await Assert.ThrowsAnyAsync<Exception>(() => fixture.Grains.GetGrain<IBeschlussGrain>(nummer).RecordAsync(command, beschluss));
        Assert.DoesNotContain(nummer, await list.GetAsync());

        var retried = await fixture.Grains.GetGrain<IBeschlussGrain>(nummer).RecordAsync(command, beschluss);

        Assert.Equal(1, retried.Version);
        Assert.Contains(nummer, await list.GetAsync());
    }

    private static long Overdue(ProgrammeFiguresSnapshot snapshot) =>
        snapshot.Figures.GetValueOrDefault(ProgrammeFigureKeys.UeberfaelligLeistungen);

    private async Task<ImmutableSortedSet<string>> StoredIdsAsync(IIdSetGrain set)
    {
        var stored = new GrainState<IdSetState>(new());
        await fixture.OutageOf(StorageNames.State).ReadStateAsync("id-set", set.GetGrainId(), stored);
        return stored.State!.Ids;
    }

    private static CatalogImportReport ImportReport(string requestId) =>
        new(new ChangeStamp("test", DateTimeOffset.UtcNow, requestId), 0, 0, 0, 0, 0, ImmutableSortedDictionary<string, int>.Empty, 0, 0, 0, [], []);
}

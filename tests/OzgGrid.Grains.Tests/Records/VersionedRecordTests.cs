using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Labore;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Labore;
using OzgGrid.Grains.Leistungen;
using OzgGrid.Grains.Records;
using OzgGrid.Grains.Tests.Labore;

namespace OzgGrid.Grains.Tests.Records;

/// <summary>The one write path as every record gets it: caller-scoped request ids, authorisation first, paged history, stored form.</summary>
[Collection(ClusterCollection.Name)]
public sealed class VersionedRecordTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly TestCatalog _catalog = new(fixture.Grains);

    [Fact]
    public async Task An_IT_Dienstleister_retrying_another_ones_request_id_is_refused_by_the_assignment_not_answered_from_the_receipt()
    {
        var leistung = await AssignedLeistungAsync("dienstleister-a");
        var command = new WriteCommand(WriteCommands.NewRequestId(), null, "alice", Scope("dienstleister-a"));
        var first = await leistung.UpdateStatusAsync(command, new(Reifegrad.Information, null, null));

        var other = command with { ChangedBy = "bob", Scope = Scope("dienstleister-b") };
        await Assert.ThrowsAsync<AccessDeniedException>(() => leistung.UpdateStatusAsync(other, new(Reifegrad.Information, null, null)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => leistung.UpdateStatusAsync(other, new(Reifegrad.OnlineLeistung, null, null)));

        // The same organisation's other token shares its request ids.
        var colleague = await leistung.UpdateStatusAsync(command with { ChangedBy = "carol" }, new(Reifegrad.Information, null, null));
        Assert.Equal((first.Version, first.LastChange), (colleague.Version, colleague.LastChange));
        Assert.Equal(first.Version, (await leistung.GetAsync()).Version);
    }

    [Fact]
    public async Task OzgGrids_own_write_is_applied_though_a_caller_used_its_request_id_first()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var requestId = $"rollout/{leistung.GetPrimaryKeyLong()}/HE/1/InMindestensEinerKommune";
        var update = new LeistungStatusUpdate(null, null, new LandVerfuegbarkeit("HE", Verfuegbarkeit.InMindestensEinerKommune));

        var planted = await leistung.UpdateStatusAsync(new WriteCommand(requestId, null, "mallory"), new(Reifegrad.Information, null, null));
        var own = await leistung.UpdateStatusAsync(WriteCommand.ByOzgGrid(requestId, "rollout"), update);

        Assert.Equal(planted.Version + 1, own.Version);
        Assert.Equal(Verfuegbarkeit.InMindestensEinerKommune, own.Status.VerfuegbarkeitIn("HE"));
    }

    [Fact]
    public async Task A_programme_record_keeps_its_history_in_pages_that_page_back_without_gaps()
    {
        var (_, themenfeld, leistungen) = await _catalog.AddThemenfeldAsync(1);
        var laborId = LaborGrainTests.NewLaborId();
        var labor = _grains.GetGrain<ILaborGrain>(laborId);
        await labor.DefineAsync(WriteCommands.New(), "Labor", themenfeld.ThemenfeldId, [leistungen[0].OzgId]);
        var changes = HistoryPaging.PageSize * 2 + 3;
        for (var i = 1; i < changes; i++)
        {
            await labor.PublishBlaupauseAsync(WriteCommands.New(), "Antrag", $"https://example.org/v{i}", "Stand");
        }

        await fixture.Cluster.DeactivateAsync(labor);
        var versions = new List<long>();
        long? before = null;
        do
        {
            var page = await labor.GetChangesAsync(before, 7);
            versions.AddRange(page.Changes.Select(change => change.Version));
            before = page.NextBeforeVersion;
        }
        while (before is not null);

        Assert.Equal(Enumerable.Range(1, changes).Reverse().Select(v => (long)v), versions);
        var sealedPage = new GrainState<HistoryPage<ProgrammeChange>>();
        await Storage(StorageNames.History).ReadStateAsync($"{LaborGrain.Names.History}-1", labor.GetGrainId(), sealedPage);
        Assert.Equal(Enumerable.Range(HistoryPaging.PageSize + 1, HistoryPaging.PageSize).Select(v => (long)v), sealedPage.State!.Changes.Select(c => c.Version));
    }

    [Fact]
    public async Task A_state_stored_in_a_newer_form_is_refused_rather_than_misread()
    {
        var leistung = await _catalog.AddLeistungAsync();
        await fixture.Cluster.DeactivateAsync(leistung);
        var stored = new GrainState<RecordState<LeistungBody, ChangeRecord>>();
        await Storage(StorageNames.State).ReadStateAsync(LeistungGrain.StateName, leistung.GetGrainId(), stored);
        stored.State = stored.State! with { Schema = RecordState<LeistungBody, ChangeRecord>.CurrentSchema + 1 };
        await Storage(StorageNames.State).WriteStateAsync(LeistungGrain.StateName, leistung.GetGrainId(), stored);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => leistung.GetAsync());

        Assert.Contains("newer than this release reads", refused.ToString(), StringComparison.Ordinal);
    }

    private static ItDienstleisterScope Scope(string id) => new(id, ["HE"]);

    private async Task<ILeistungGrain> AssignedLeistungAsync(string itDienstleister)
    {
        var leistung = await _catalog.AddLeistungAsync();
        var zustaendigkeit = new Zustaendigkeit(new UmsetzendeStelle(UmsetzendeStelleArt.Land, "HE"), false, itDienstleister, ImmutableSortedSet<string>.Empty);
        await leistung.SetZustaendigkeitAsync(WriteCommands.New("pm"), zustaendigkeit);
        return leistung;
    }

    private IGrainStorage Storage(string name) =>
        fixture.Cluster.GetSiloServiceProvider(null).GetRequiredKeyedService<IGrainStorage>(name);
}

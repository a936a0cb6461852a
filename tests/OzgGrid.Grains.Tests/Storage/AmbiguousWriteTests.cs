using Orleans.Storage;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Tests.Kommunen;
using OzgGrid.Grains.Leistungen;
using OzgGrid.Grains.Monitoring;
using OzgGrid.Grains.Tests.Monitoring;
using OzgGrid.Grains.Records;
using OzgGrid.Grains.Rollout;

namespace OzgGrid.Grains.Tests.Storage;

/// <summary>
/// Storage faults in the middle of a write reach the caller as storage faults (<see cref="OrleansException"/>, which the
/// gateway answers with UNAVAILABLE), never as something else; a write storage took is acknowledged and never lost.
/// </summary>
public sealed class AmbiguousWriteTests(OutageClusterFixture fixture) : IClassFixture<OutageClusterFixture>
{
    private readonly TestCatalog _catalog = new(fixture.Grains);

    [Fact]
    public async Task A_write_storage_took_whose_answer_was_lost_is_acknowledged_and_the_next_write_goes_through()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var before = await leistung.GetAsync();
        fixture.OutageOf(StorageNames.State).LoseNextAnswer(leistung.GetGrainId());

        var written = await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.Information, null, null));
        var next = await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.OnlineLeistung, null, null));

        Assert.Equal(before.Version + 1, written.Version);
        Assert.Equal(written.Version + 1, next.Version);
        var stored = await StoredAsync(leistung);
        Assert.Equal(next.Version, stored.Version);
        Assert.Equal(Reifegrad.OnlineLeistung, stored.Body!.Status.Reifegrad);
    }

    [Fact]
    public async Task A_write_stored_though_reported_as_failed_reaches_the_monitoring_when_its_retry_is_answered()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var ozgId = (int)leistung.GetPrimaryKeyLong();
        var hub = fixture.SiloService<MonitoringHub>();
        var subscription = hub.Subscribe(null);
        try
        {
            var command = WriteCommands.New();
            var update = new LeistungStatusUpdate(Reifegrad.OnlineLeistung, null, null);
            fixture.OutageOf(StorageNames.State).StoreNextThenFail(leistung.GetGrainId());
            await Assert.ThrowsAsync<OrleansException>(() => leistung.UpdateStatusAsync(command, update));

            var retried = await leistung.UpdateStatusAsync(command, update);

            // Nothing recounts here: only the Leistung itself can pass the stored version on.
            var published = await subscription.LeistungPublishedAsync(ozgId, retried.Version, TimeSpan.FromSeconds(10));
            Assert.Equal(retried.Version, published.Change.Leistung.Version);
            Assert.Equal(Reifegrad.OnlineLeistung, published.Change.Leistung.Status.Reifegrad);
        }
        finally
        {
            hub.Unsubscribe(subscription);
        }
    }

    [Fact]
    public async Task A_history_page_storage_fails_to_take_is_a_storage_fault_and_the_retry_stores_it()
    {
        var leistung = await _catalog.AddLeistungAsync();
        // Up to the version before a page is sealed: the next write stores the page first.
        var version = (await leistung.GetAsync()).Version;
        while (version % HistoryPaging.PageSize != HistoryPaging.PageSize - 1)
        {
            version = (await leistung.UpdateStatusAsync(WriteCommands.New(), new(1 + (int)(version % 2), null, null))).Version;
        }

        var sealing = await leistung.GetAsync();
        var command = WriteCommands.New();
        var update = new LeistungStatusUpdate(1 + (int)(version % 2), null, null);

        // What the Azure SDK throws when the storage account cannot be reached at all.
        fixture.OutageOf(StorageNames.History).FailNextWrites(
            leistung.GetGrainId(), fault: () => new AggregateException("Retry failed after 3 tries.", new HttpRequestException("Connection refused (127.0.0.1:10000)")));
        var refused = await Assert.ThrowsAsync<OrleansException>(() => leistung.UpdateStatusAsync(command, update));

        Assert.Contains("Connection refused", refused.Message);
        Assert.Equal(sealing.Version, (await leistung.GetAsync()).Version);
        var retried = await leistung.UpdateStatusAsync(command, update);
        Assert.Equal(sealing.Version + 1, retried.Version);
        var changes = await leistung.GetChangesAsync(null, HistoryPaging.PageSize + 1);
        Assert.Equal(Enumerable.Range(1, (int)retried.Version).Reverse().Select(v => (long)v), changes.Changes.Select(c => c.Version).Take((int)retried.Version));
    }

    [Fact]
    public async Task A_rollout_partition_storage_took_whose_answer_was_lost_is_accepted_and_counted_not_refused_as_unavailable()
    {
        const string land = "SH";
        var leistung = await _catalog.AddLeistungAsync();
        await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.OnlineLeistung, null, null));
        // Two Gemeinden of one Kreis, so that the second report writes only that Kreis's partition row.
        var kreis = ShippedRegister.ByLand[land].GroupBy(k => k.Ags[..5]).First(g => g.Count() >= 2).Take(2).ToArray();
        await fixture.Grains.GetGrain<IKommunenRegisterGrain>(land).ImportAsync(WriteCommands.New(), Gebietsstand.Of([.. kreis]));
        var rollout = fixture.Grains.GetGrain<ILandRolloutGrain>(RolloutKeys.Land((int)leistung.GetPrimaryKeyLong(), land));
        await rollout.ReportAsync(WriteCommands.New(), [new RolloutReport(kreis[0].Ags, KommuneVerfuegbarkeit.Online, Reifegrad.OnlineLeistung)]);
        // Stored, then the answer lost: what a storage client's retry of an insert that had gone through looks like.
        fixture.OutageOf(StorageNames.State).LoseNextAnswer(rollout.GetGrainId());

        var outcome = Assert.Single(await rollout.ReportAsync(WriteCommands.New(), [new RolloutReport(kreis[1].Ags, KommuneVerfuegbarkeit.Online, Reifegrad.OnlineLeistung)]));

        Assert.Null(outcome.Refusal);
        Assert.Equal(KommuneVerfuegbarkeit.Online, outcome.Accepted?.Verfuegbarkeit);
        var counted = await rollout.GetAsync(null, 10);
        Assert.Equal((2, 2, Verfuegbarkeit.Flaechendeckend), (counted.ReportedEntries, counted.OnlineKommunen, counted.Derived));
    }

    [Fact]
    public async Task A_derived_value_the_Leistung_took_while_the_rollouts_own_write_failed_is_written_over_when_the_rollout_derives_back()
    {
        const string land = "SL";
        var leistung = await _catalog.AddLeistungAsync();
        await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.OnlineLeistung, null, null));
        var zwei = ShippedRegister.ByLand[land].GroupBy(k => k.Ags[..5]).First(g => g.Count() >= 2).Take(2).ToArray();
        await fixture.Grains.GetGrain<IKommunenRegisterGrain>(land).ImportAsync(WriteCommands.New(), Gebietsstand.Of([.. zwei]));
        var rollout = fixture.Grains.GetGrain<ILandRolloutGrain>(RolloutKeys.Land((int)leistung.GetPrimaryKeyLong(), land));
        await rollout.ReportAsync(WriteCommands.New(), [new RolloutReport(zwei[0].Ags, KommuneVerfuegbarkeit.Online, Reifegrad.OnlineLeistung)]);
        Assert.Equal(Verfuegbarkeit.InMindestensEinerKommune, (await leistung.GetAsync()).Status.VerfuegbarkeitIn(land));

        // The Leistung takes FLAECHENDECKEND; the rollout's own write that records it fails (a storage fault, or its silo dies).
        fixture.OutageOf(StorageNames.State).FailNextWriteOf<LandRolloutState>(rollout.GetGrainId(), state => state.Published == Verfuegbarkeit.Flaechendeckend);
        await rollout.ReportAsync(WriteCommands.New(), [new RolloutReport(zwei[1].Ags, KommuneVerfuegbarkeit.Online, Reifegrad.OnlineLeistung)]);
        Assert.Equal(Verfuegbarkeit.Flaechendeckend, (await leistung.GetAsync()).Status.VerfuegbarkeitIn(land));
        // Before any retry: the rollout derives what it last recorded as written.
        await rollout.ReportAsync(WriteCommands.New(), [new RolloutReport(zwei[1].Ags, KommuneVerfuegbarkeit.Keine, Reifegrad.OnlineLeistung)]);

        var details = await Poll.UntilAsync(leistung.GetAsync, d => d.Status.VerfuegbarkeitIn(land) == Verfuegbarkeit.InMindestensEinerKommune,
            $"the Leistung to show the derived IN_MINDESTENS_EINER_KOMMUNE in {land} again", TimeSpan.FromSeconds(30));
        var counted = await rollout.GetAsync(null, 10);
        Assert.Equal((Verfuegbarkeit.InMindestensEinerKommune, Verfuegbarkeit.InMindestensEinerKommune), (counted.Derived, counted.Published));
        Assert.Equal(Verfuegbarkeit.InMindestensEinerKommune, details.Status.VerfuegbarkeitIn(land));
    }

    private async Task<RecordState<LeistungBody, ChangeRecord>> StoredAsync(ILeistungGrain leistung)
    {
        var stored = new GrainState<RecordState<LeistungBody, ChangeRecord>>();
        await fixture.OutageOf(StorageNames.State).ReadStateAsync(LeistungGrain.Names.State, leistung.GetGrainId(), stored);
        return stored.State!;
    }
}

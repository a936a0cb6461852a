using System.Collections.Immutable;
using Orleans.Core.Internal;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Kommunen;
using OzgGrid.Grains.Tests.Kommunen;

namespace OzgGrid.Grains.Tests.Rollout;

[Collection(ClusterCollection.Name)]
public sealed class LandRolloutGrainTests(ClusterFixture fixture)
{
    /// <summary>The Land these tests roll out in, with a synthetic register of three Kommunen (the same in every test).</summary>
    private const string Land = "SH";

    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly TestCatalog _catalog = new(fixture.Grains);

    [Fact]
    public async Task A_Land_goes_from_keine_to_pilot_to_one_Kommune_to_flaechendeckend_and_back_as_its_Kommunen_report()
    {
        var (leistung, rollout, kommunen) = await OnlineLeistungAsync();
        var (first, second, third) = (kommunen[0].Ags, kommunen[1].Ags, kommunen[2].Ags);

        async Task<(Verfuegbarkeit Derived, Verfuegbarkeit InLeistung)> ReportAsync(string ags, KommuneVerfuegbarkeit verfuegbarkeit)
        {
            var outcome = Assert.Single(await rollout.ReportAsync(WriteCommands.New(), [new RolloutReport(ags, verfuegbarkeit, Reifegrad.OnlineLeistung)]));
            Assert.NotNull(outcome.Accepted);
            var derived = (await rollout.GetAsync(null, 10)).Derived;
            return (derived, (await leistung.GetAsync()).Status.VerfuegbarkeitIn(Land));
        }

        Assert.Equal((Verfuegbarkeit.Pilot, Verfuegbarkeit.Pilot), await ReportAsync(first, KommuneVerfuegbarkeit.Pilot));
        Assert.Equal((Verfuegbarkeit.InMindestensEinerKommune, Verfuegbarkeit.InMindestensEinerKommune), await ReportAsync(first, KommuneVerfuegbarkeit.Online));
        Assert.Equal((Verfuegbarkeit.InMindestensEinerKommune, Verfuegbarkeit.InMindestensEinerKommune), await ReportAsync(second, KommuneVerfuegbarkeit.Online));
        Assert.Equal((Verfuegbarkeit.Flaechendeckend, Verfuegbarkeit.Flaechendeckend), await ReportAsync(third, KommuneVerfuegbarkeit.Online));
        Assert.Equal((Verfuegbarkeit.InMindestensEinerKommune, Verfuegbarkeit.InMindestensEinerKommune), await ReportAsync(second, KommuneVerfuegbarkeit.Keine));
        Assert.Equal((Verfuegbarkeit.InMindestensEinerKommune, Verfuegbarkeit.InMindestensEinerKommune), await ReportAsync(third, KommuneVerfuegbarkeit.Keine));
        Assert.Equal((Verfuegbarkeit.Keine, Verfuegbarkeit.Keine), await ReportAsync(first, KommuneVerfuegbarkeit.Keine));

        var counted = await rollout.GetAsync(null, 10);
        Assert.Equal((3, 0, 0, 3), (counted.RegisteredKommunen, counted.OnlineKommunen, counted.PilotKommunen, counted.ReportedEntries));
        Assert.Equal(counted.Derived, counted.Published);
    }

    [Fact]
    public async Task The_Leistung_gets_one_new_version_with_a_history_entry_only_when_the_derived_Verfuegbarkeit_changes()
    {
        var (leistung, rollout, kommunen) = await OnlineLeistungAsync();
        var before = (await leistung.GetAsync()).Version;

        await rollout.ReportAsync(WriteCommands.New("itdl:erika"), [new(kommunen[0].Ags, KommuneVerfuegbarkeit.Online, Reifegrad.OnlineLeistung)]);
        await rollout.ReportAsync(WriteCommands.New("itdl:erika"), [new(kommunen[1].Ags, KommuneVerfuegbarkeit.Online, Reifegrad.OnlineTransaktion)]);

        Assert.Equal(before + 1, (await leistung.GetAsync()).Version);
        var change = Assert.Single((await leistung.GetChangesAsync(null, 1)).Changes);
        Assert.Equal("itdl:erika", change.Stamp.ChangedBy);
        Assert.Equal(new FieldChange($"verfuegbarkeit.{Land}", "Keine", "InMindestensEinerKommune"), Assert.Single(change.Fields));
    }

    [Fact]
    public async Task Reporting_an_entry_again_counts_it_once_and_a_retry_gets_the_first_answer()
    {
        var (leistung, rollout, kommunen) = await OnlineLeistungAsync();
        var command = WriteCommands.New();
        RolloutReport online = new(kommunen[0].Ags, KommuneVerfuegbarkeit.Online, Reifegrad.OnlineLeistung);

        var first = Assert.Single(await rollout.ReportAsync(command, [online])).Accepted!;
        var retried = Assert.Single(await rollout.ReportAsync(command, [online])).Accepted!;
        var repeated = Assert.Single(await rollout.ReportAsync(WriteCommands.New(), [online])).Accepted!;
        var leistungVersion = (await leistung.GetAsync()).Version;
        await rollout.ReportAsync(WriteCommands.New(), [online, online with { Ags = kommunen[1].Ags }]);

        Assert.Equal(1, first.Version);
        Assert.Equal(first, retried);
        Assert.Equal(1, repeated.Version);
        var counted = await rollout.GetAsync(null, 10);
        Assert.Equal(2, counted.OnlineKommunen);
        Assert.Equal(2, counted.ReportedEntries);
        Assert.Equal(leistungVersion, (await leistung.GetAsync()).Version);
        var reused = Assert.Single(await rollout.ReportAsync(command, [online with { Verfuegbarkeit = KommuneVerfuegbarkeit.Pilot }]));
        Assert.Equal(RolloutRefusal.InvalidArgument, reused.Refusal);
        Assert.StartsWith("request_id:", reused.Reason);
    }

    [Fact]
    public async Task Entries_outside_the_register_or_contradicting_a_rule_are_refused_one_by_one_and_the_others_applied()
    {
        var (_, rollout, kommunen) = await OnlineLeistungAsync();
        var unregistered = LaenderRegister.All.Single(l => l.Kuerzel == Land).Code + "000999";

        var outcomes = await rollout.ReportAsync(WriteCommands.New(),
        [
            new(kommunen[0].Ags, KommuneVerfuegbarkeit.Online, Reifegrad.OnlineLeistung),
            new(unregistered, KommuneVerfuegbarkeit.Online, Reifegrad.OnlineLeistung),
            new(kommunen[1].Ags, KommuneVerfuegbarkeit.Online, Reifegrad.Offline),
            new(kommunen[2].Ags, KommuneVerfuegbarkeit.Pilot, 9),
        ]);

        Assert.Equal(
            [null, RolloutRefusal.NotFound, RolloutRefusal.FailedPrecondition, RolloutRefusal.InvalidArgument],
            outcomes.Select(o => o.Refusal));
        Assert.Contains("not in the Kommunen register", outcomes[1].Reason);
        var counted = await rollout.GetAsync(null, 10);
        Assert.Equal(kommunen[0].Ags, Assert.Single(counted.Entries).Ags);
        Assert.Equal(1, counted.ReportedEntries);
    }

    [Fact]
    public async Task An_offline_Leistung_cannot_be_reported_available_in_a_Kommune()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var kommunen = await RegisterAsync();
        var rollout = _grains.GetGrain<ILandRolloutGrain>(RolloutKeys.Land((int)leistung.GetPrimaryKeyLong(), Land));

        var outcome = Assert.Single(await rollout.ReportAsync(WriteCommands.New(), [new(kommunen[0].Ags, KommuneVerfuegbarkeit.Online, Reifegrad.OnlineLeistung)]));

        Assert.Equal(RolloutRefusal.FailedPrecondition, outcome.Refusal);
        Assert.Equal(0, (await rollout.GetAsync(null, 10)).ReportedEntries);
    }

    [Fact]
    public async Task An_IT_Dienstleister_reports_only_for_a_Leistung_assigned_to_it_and_in_a_Land_it_serves()
    {
        var (leistung, rollout, kommunen) = await OnlineLeistungAsync();
        await leistung.SetZustaendigkeitAsync(WriteCommands.New("pm"),
            new Zustaendigkeit(new UmsetzendeStelle(UmsetzendeStelleArt.Land, Land), false, "govconnect", []));
        RolloutReport[] report = [new(kommunen[0].Ags, KommuneVerfuegbarkeit.Online, Reifegrad.OnlineLeistung)];
        WriteCommand As(string id, params string[] laender) =>
            WriteCommands.New($"{id}:bob") with { Scope = new ItDienstleisterScope(id, [.. laender]) };

        var notAssigned = await Assert.ThrowsAsync<AccessDeniedException>(() => rollout.ReportAsync(As("dataport", Land), [.. report]));
        var notServed = await Assert.ThrowsAsync<AccessDeniedException>(() => rollout.ReportAsync(As("govconnect", "NI"), [.. report]));
        var allowed = await rollout.ReportAsync(As("govconnect", "NI", Land), [.. report]);

        Assert.Contains("not assigned", notAssigned.Message);
        Assert.Contains($"does not serve {Land}", notServed.Message);
        Assert.NotNull(Assert.Single(allowed).Accepted);
        Assert.Equal(1, (await rollout.GetAsync(null, 10)).ReportedEntries);
    }

    [Fact]
    public async Task A_derived_Verfuegbarkeit_the_Leistung_refuses_is_counted_and_written_once_the_Leistung_takes_it()
    {
        var (leistung, rollout, outcome) = await RefusedVerfuegbarkeitAsync();
        var pending = await rollout.GetAsync(null, 10);

        Assert.NotNull(outcome.Accepted);
        Assert.Equal((Verfuegbarkeit.InMindestensEinerKommune, Verfuegbarkeit.Flaechendeckend, 2), (pending.Derived, pending.Published, pending.OnlineKommunen));
        Assert.Equal(Verfuegbarkeit.Keine, (await leistung.GetAsync()).Status.VerfuegbarkeitIn(Land));

        await TakenOnceOnlineAgainAsync(leistung, rollout);
    }

    [Fact]
    public async Task A_derived_Verfuegbarkeit_not_yet_written_is_written_after_the_rollout_grain_was_deactivated()
    {
        var (leistung, rollout, _) = await RefusedVerfuegbarkeitAsync();

        // As when its silo stops: the activation, and with it its retry timer, is gone; the next call makes a new one.
        await rollout.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        var pending = await rollout.GetAsync(null, 10);
        Assert.Equal((Verfuegbarkeit.InMindestensEinerKommune, Verfuegbarkeit.Flaechendeckend), (pending.Derived, pending.Published));

        await TakenOnceOnlineAgainAsync(leistung, rollout);
    }

    [Fact]
    public async Task A_retried_report_gets_its_first_answer_though_the_register_dropped_its_Kommune_since()
    {
        const string sachsenAnhalt = "ST";
        var two = ShippedRegister.First(sachsenAnhalt, 2);
        var register = _grains.GetGrain<IKommunenRegisterGrain>(sachsenAnhalt);
        await register.ImportAsync(WriteCommands.New(), Gebietsstand.Of(two));
        var (leistung, _, _) = await OnlineLeistungAsync();
        var rollout = _grains.GetGrain<ILandRolloutGrain>(RolloutKeys.Land((int)leistung.GetPrimaryKeyLong(), sachsenAnhalt));
        var command = WriteCommands.New();
        RolloutReport[] report = [new(two[0].Ags, KommuneVerfuegbarkeit.Online, Reifegrad.OnlineLeistung)];
        var first = Assert.Single(await rollout.ReportAsync(command, [.. report]));

        await register.ImportAsync(WriteCommands.New("pm"), Gebietsstand.Of([two[1]]));
        var retried = Assert.Single(await rollout.ReportAsync(command, [.. report]));
        var fresh = Assert.Single(await rollout.ReportAsync(WriteCommands.New(), [.. report]));

        Assert.NotNull(first.Accepted);
        Assert.Equal(first.Accepted, retried.Accepted);
        Assert.Null(fresh.Accepted);
        Assert.Equal(RolloutRefusal.NotFound, fresh.Refusal);
    }

    [Fact]
    public async Task A_Kommune_added_to_the_register_ends_flaechendeckend_and_its_removal_restores_it_without_a_report()
    {
        const string niedersachsen = "NI";
        var (two, three) = (ShippedRegister.First(niedersachsen, 2), ShippedRegister.First(niedersachsen, 3));
        var register = _grains.GetGrain<IKommunenRegisterGrain>(niedersachsen);
        await register.ImportAsync(WriteCommands.New(), Gebietsstand.Of(two));
        var (leistung, _, _) = await OnlineLeistungAsync();
        var rollout = _grains.GetGrain<ILandRolloutGrain>(RolloutKeys.Land((int)leistung.GetPrimaryKeyLong(), niedersachsen));
        await rollout.ReportAsync(WriteCommands.New(), [.. two.Select(k => new RolloutReport(k.Ags, KommuneVerfuegbarkeit.Online, Reifegrad.OnlineLeistung))]);
        Assert.Equal(Verfuegbarkeit.Flaechendeckend, (await leistung.GetAsync()).Status.VerfuegbarkeitIn(niedersachsen));

        await register.ImportAsync(WriteCommands.New("pm"), Gebietsstand.Of(three));
        await WaitForAsync(leistung, niedersachsen, Verfuegbarkeit.InMindestensEinerKommune);
        await register.ImportAsync(WriteCommands.New("pm"), Gebietsstand.Of(two));
        await WaitForAsync(leistung, niedersachsen, Verfuegbarkeit.Flaechendeckend);

        var changes = (await leistung.GetChangesAsync(null, 2)).Changes;
        Assert.All(changes, change => Assert.Equal("pm", change.Stamp.ChangedBy));
    }

    [Fact]
    public async Task The_entries_are_paged_in_AGS_order()
    {
        var (_, rollout, kommunen) = await OnlineLeistungAsync();
        await rollout.ReportAsync(WriteCommands.New(), [.. kommunen.Reverse().Select(k => new RolloutReport(k.Ags, KommuneVerfuegbarkeit.Pilot, Reifegrad.Information))]);

        var first = await rollout.GetAsync(null, 2);
        var second = await rollout.GetAsync(first.NextAfterAgs, 2);

        Assert.Equal(kommunen.Select(k => k.Ags), first.Entries.Concat(second.Entries).Select(e => e.Ags));
        Assert.Null(second.NextAfterAgs);
    }

    [Fact]
    public async Task An_entry_of_a_merged_Kommune_counts_as_its_successors_until_the_successor_reports_itself()
    {
        const string rheinlandPfalz = "RP";
        var (a, b) = (ShippedRegister.First(rheinlandPfalz, 2)[0], ShippedRegister.First(rheinlandPfalz, 2)[1]);
        var register = _grains.GetGrain<IKommunenRegisterGrain>(rheinlandPfalz);
        await register.ImportAsync(WriteCommands.New(), Gebietsstand.Of([a, b]));
        var (leistung, _, _) = await OnlineLeistungAsync();
        var rollout = _grains.GetGrain<ILandRolloutGrain>(RolloutKeys.Land((int)leistung.GetPrimaryKeyLong(), rheinlandPfalz));
        await rollout.ReportAsync(WriteCommands.New(), [new(a.Ags, KommuneVerfuegbarkeit.Online, Reifegrad.OnlineLeistung)]);
        Assert.Equal(1, (await rollout.GetAsync(null, 10)).OnlineKommunen);

        var mergers = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create(a.Ags, b.Ags)]);
        await register.ImportAsync(WriteCommands.New("pm"), new Gebietsstand([b], mergers, string.Empty));
        await WaitForAsync(leistung, rheinlandPfalz, Verfuegbarkeit.Flaechendeckend);
        var merged = await rollout.GetAsync(null, 10);
        Assert.Equal((1, 1, Verfuegbarkeit.Flaechendeckend), (merged.RegisteredKommunen, merged.OnlineKommunen, merged.Derived));

        // The successor's own entry counts, not its predecessor's.
        await rollout.ReportAsync(WriteCommands.New(), [new(b.Ags, KommuneVerfuegbarkeit.Pilot, Reifegrad.OnlineLeistung)]);
        var own = await rollout.GetAsync(null, 10);
        Assert.Equal((0, 1, Verfuegbarkeit.Pilot), (own.OnlineKommunen, own.PilotKommunen, own.Derived));
        var refused = Assert.Single(await rollout.ReportAsync(WriteCommands.New(), [new(a.Ags, KommuneVerfuegbarkeit.Online, Reifegrad.OnlineLeistung)]));
        Assert.Contains($"merged into {b.Ags}", refused.Reason);
    }

    [Fact]
    public async Task A_Leistung_outside_the_catalogue_has_no_rollout()
    {
        var rollout = _grains.GetGrain<ILandRolloutGrain>(RolloutKeys.Land(FreshKeys.Next(), Land));

        await Assert.ThrowsAsync<NotFoundException>(() => rollout.GetAsync(null, 10));
        await Assert.ThrowsAsync<NotFoundException>(() => rollout.ReportAsync(WriteCommands.New(), []));
    }

    /// <summary>Polls the Leistung until its Verfügbarkeit in <paramref name="land"/> is <paramref name="expected"/>, for at most 30 s.</summary>
    private static Task<LeistungDetails> WaitForAsync(ILeistungGrain leistung, string land, Verfuegbarkeit expected) =>
        Poll.UntilAsync(leistung.GetAsync, details => details.Status.VerfuegbarkeitIn(land) == expected,
            $"the Leistung to become {expected} in {land}", TimeSpan.FromSeconds(30));

    /// <summary>The Leistung online again takes the pending value on the rollout's next retry, without another report.</summary>
    private static async Task TakenOnceOnlineAgainAsync(ILeistungGrain leistung, ILandRolloutGrain rollout)
    {
        await leistung.UpdateStatusAsync(WriteCommands.New("pm"), new(Reifegrad.OnlineLeistung, null, null));
        await WaitForAsync(leistung, Land, Verfuegbarkeit.InMindestensEinerKommune);

        var published = await rollout.GetAsync(null, 10);
        Assert.Equal(published.Derived, published.Published);
    }

    /// <summary>
    /// A Leistung flächendeckend in <see cref="Land"/>, taken offline by hand (so it refuses any Verfügbarkeit), then one
    /// Kommune reports it gone: the rollout derives "in mindestens einer Kommune", which the Leistung does not take yet.
    /// </summary>
    private async Task<(ILeistungGrain Leistung, ILandRolloutGrain Rollout, RolloutOutcome LastReport)> RefusedVerfuegbarkeitAsync()
    {
        var (leistung, rollout, kommunen) = await OnlineLeistungAsync();
        await rollout.ReportAsync(WriteCommands.New(), [.. kommunen.Select(k => new RolloutReport(k.Ags, KommuneVerfuegbarkeit.Online, Reifegrad.OnlineLeistung))]);
        Assert.Equal(Verfuegbarkeit.Flaechendeckend, (await leistung.GetAsync()).Status.VerfuegbarkeitIn(Land));
        await leistung.UpdateStatusAsync(WriteCommands.New("pm"), new(null, null, new LandVerfuegbarkeit(Land, Verfuegbarkeit.Keine)));
        await leistung.UpdateStatusAsync(WriteCommands.New("pm"), new(Reifegrad.Offline, null, null));
        var outcome = Assert.Single(await rollout.ReportAsync(WriteCommands.New(), [new(kommunen[0].Ags, KommuneVerfuegbarkeit.Keine, Reifegrad.Offline)]));
        return (leistung, rollout, outcome);
    }

    /// <summary>A fresh Leistung at Reifegrad 3 (so it may be available), its rollout in <see cref="Land"/>, and that Land's Kommunen.</summary>
    private async Task<(ILeistungGrain Leistung, ILandRolloutGrain Rollout, ImmutableArray<Kommune> Kommunen)> OnlineLeistungAsync()
    {
        var leistung = await _catalog.AddLeistungAsync();
        await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.OnlineLeistung, null, null));
        var kommunen = await RegisterAsync();
        return (leistung, _grains.GetGrain<ILandRolloutGrain>(RolloutKeys.Land((int)leistung.GetPrimaryKeyLong(), Land)), kommunen);
    }

    private async Task<ImmutableArray<Kommune>> RegisterAsync()
    {
        var kommunen = ShippedRegister.First(Land, 3);
        await _grains.GetGrain<IKommunenRegisterGrain>(Land).ImportAsync(WriteCommands.New(), Gebietsstand.Of(kommunen));
        return kommunen;
    }
}

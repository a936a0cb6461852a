using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Anschluss;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;
using Domain = OzgGrid.Grains.Abstractions.Leistungen;
using DomainChanges = OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// <c>ReconcileFigures</c> repairs every kind of derived value from its source records and reports, per kind, how many
/// it compared and which it corrected (from → to). Damage is done the way a lost one-way message or a faulty stored
/// state leaves it; nothing else on this host reconciles (period of an hour).
/// </summary>
public sealed class ReconcileFiguresReportTests(OnRequestReconciliationHost fixture) : IClassFixture<OnRequestReconciliationHost>
{
    private static readonly DerivedValueKind[] AllKinds =
    [
        DerivedValueKind.AnschlussGoLive, DerivedValueKind.LandVerfuegbarkeit, DerivedValueKind.Reifegrad, DerivedValueKind.Ueberfaellig, DerivedValueKind.EfaFigures,
        DerivedValueKind.UeberfaelligFigures, DerivedValueKind.ProgrammeFigures,
    ];

    private readonly MonitoringService.MonitoringServiceClient _monitoring = new(fixture.Host.Channel);
    private readonly LeistungService.LeistungServiceClient _leistungen = new(fixture.Host.Channel);
    private readonly ProgrammeManagementService.ProgrammeManagementServiceClient _management = new(fixture.Host.Channel);
    private readonly RolloutService.RolloutServiceClient _rollout = new(fixture.Host.Channel);
    private readonly DerivedValueDamage _damage = new(fixture.Host);
    private readonly OnlinedienstSeed _onlinedienste = new(fixture.Host.Channel);

    [Fact]
    public async Task A_consistent_programme_gives_no_corrections_though_every_kind_is_checked()
    {
        // A value of each kind, made through the normal paths: a rollout, an EfA-Nachnutzung, a milestone.
        var rolledOut = fixture.TakeOzgId();
        await _leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = rolledOut, RequestId = NewId(), Reifegrad = 3 });
        await _rollout.ReportRolloutAsync(new ReportRolloutRequest
        {
            RequestId = NewId(), Report = new RolloutReport { OzgId = rolledOut, Ags = ShippedRegister.Ags("HB", 1), Verfuegbarkeit = KommuneVerfuegbarkeit.Online, Reifegrad = 3 },
        });
        var (derived, leikaKey) = await _onlinedienste.LeistungAsync(fixture.TakeOzgId);
        var dienst = await _onlinedienste.InUseAsync(await _onlinedienste.AnbieterAsync(), leikaKey, stufe11: 2, stufe20: 2);
        await Eventually.ReturnsAsync(() => StatusAsync(derived), s => s.ReifegradOnlinedienste == 1, "the Reifegrad derived (its one-way message arrived)");
        var online = ShippedRegister.Ags("HB", 1);
        await new AnschlussService.AnschlussServiceClient(fixture.Host.Channel).SetAnschlussAsync(new SetAnschlussRequest
        {
            OnlinedienstId = dienst, RequestId = NewId(), Aenderungen = { AnschlussChecklist.Bis(online, Today, AnschlussSchritt.BestaetigtDurchKommune) },
        });
        await Eventually.ReturnsAsync(() => EntryAsync(derived, "HB", online), e => e?.Verfuegbarkeit == KommuneVerfuegbarkeit.Online, "the confirmed Go-Live reported");
        var efa = fixture.TakeOzgId();
        await _management.SetUmsetzungslandAsync(new SetUmsetzungslandRequest { OzgId = efa, RequestId = NewId(), Land = "HE" });
        await _management.SetMeilensteinAsync(new SetMeilensteinRequest
        {
            OzgId = fixture.TakeOzgId(), RequestId = NewId(), Phase = Umsetzungsphase.RollOut,
            PlannedDate = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });

        var result = await _monitoring.ReconcileFiguresAsync(new ReconcileFiguresRequest());

        Assert.Equal(AllKinds, result.Checks.Select(check => check.Kind));
        Assert.All(result.Checks, check => Assert.Empty(check.Corrected));
        Assert.All(result.Checks, check => Assert.True(check.Checked >= 1, $"{check.Kind} checked {check.Checked}"));
        Assert.Equal(KnownData.Leistungen, Check(result, DerivedValueKind.ProgrammeFigures).Checked);
        Assert.Empty(result.DriftedFigures);
    }

    [Fact]
    public async Task A_recount_heals_figures_that_drifted_from_the_Leistungen()
    {
        // A change the aggregator was told of that the Leistung never made (version 100 ahead): only a recount finds it.
        var ozgId = fixture.TakeOzgId();
        var truth = (await _leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung;
        var grains = fixture.Host.Services.GetRequiredService<IGrainFactory>();
        var bogus = new Domain.LeistungSummary(
            ozgId, truth.Name, truth.LageId, truth.ThemenfeldId,
            Domain.LeistungStatus.Initial with { Reifegrad = 4 }, truth.Version + 100);
        await grains.GetGrain<IProgrammeAggregatorGrain>(IProgrammeAggregatorGrain.Key)
            .ApplyAsync([new Grains.Abstractions.Monitoring.LeistungChanged(
                bogus, DomainChanges.ChangeKind.Status, new DomainChanges.ChangeStamp("test", DateTimeOffset.UtcNow, "drift"), [])]);
        var expected = await ProgrammeRecount.CountAsync(_leistungen);
        var drifted = ProgrammeRecount.From((await _monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest())).Figures);

        var result = await _monitoring.ReconcileFiguresAsync(new ReconcileFiguresRequest());
        var healed = ProgrammeRecount.From((await _monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest())).Figures);

        Assert.NotEqual(expected, drifted);
        Assert.True(result.LeistungenCaughtUp >= 1);
        Assert.Equal(KnownData.Leistungen, result.LeistungenCounted);
        Assert.Equal(expected, healed);
    }

    [Fact]
    public async Task A_Kommunen_import_that_never_reached_the_rollout_is_published_and_reported()
    {
        var ozgId = fixture.TakeOzgId();
        await _damage.LoseKommunenImportMessageAsync(ozgId, "SL");
        var stale = await _rollout.GetRolloutAsync(new GetRolloutRequest { OzgId = ozgId, Land = "SL" });
        Assert.Equal((Verfuegbarkeit.InMindestensEinerKommune, Verfuegbarkeit.Flaechendeckend), (stale.Verfuegbarkeit, stale.PublishedVerfuegbarkeit));

        var result = await _monitoring.ReconcileFiguresAsync(new ReconcileFiguresRequest());

        var correction = Assert.Single(Check(result, DerivedValueKind.LandVerfuegbarkeit).Corrected);
        Assert.Equal(($"{ozgId}/SL", "Flaechendeckend", "InMindestensEinerKommune"), (correction.Subject, correction.Before, correction.After));
        Assert.Equal(Verfuegbarkeit.InMindestensEinerKommune, await _damage.VerfuegbarkeitAsync(ozgId, "SL"));
        var again = await _monitoring.ReconcileFiguresAsync(new ReconcileFiguresRequest());
        Assert.Empty(Check(again, DerivedValueKind.LandVerfuegbarkeit).Corrected);
    }

    [Fact]
    public async Task An_EfA_report_lost_on_its_way_to_the_figures_is_counted_from_its_record_and_reported()
    {
        var ozgId = fixture.TakeOzgId();
        await _damage.LoseNachnutzungReportAsync(ozgId);
        Assert.False(await _damage.IsEfaCountedAsync(ozgId));

        var result = await _monitoring.ReconcileFiguresAsync(new ReconcileFiguresRequest());

        var correction = Assert.Single(Check(result, DerivedValueKind.EfaFigures).Corrected, c => c.Subject == $"{ozgId}");
        Assert.Equal("not counted", correction.Before);
        Assert.Contains("efa/land/HE/bereitgestellt", correction.After, StringComparison.Ordinal);
        Assert.True(await _damage.IsEfaCountedAsync(ozgId));
    }

    [Fact]
    public async Task A_stored_count_gone_wrong_at_the_same_version_is_recounted_from_the_Leistungen_and_reported()
    {
        var ozgId = fixture.TakeOzgId();
        var wrong = await _damage.CountOtherwiseAsync(ozgId);
        var expected = await ProgrammeRecount.CountAsync(_leistungen);
        Assert.NotEqual(expected, ProgrammeRecount.From((await _monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest())).Figures));

        var result = await _monitoring.ReconcileFiguresAsync(new ReconcileFiguresRequest());

        var corrected = Check(result, DerivedValueKind.ProgrammeFigures).Corrected;
        var reifegrad = Assert.Single(corrected, c => c.Subject == $"reifegrad/{wrong}");
        Assert.Equal(long.Parse(reifegrad.Before, System.Globalization.CultureInfo.InvariantCulture) - 1,
            long.Parse(reifegrad.After, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(result.LeistungenCaughtUp >= 1);
        Assert.Equal(expected, ProgrammeRecount.From((await _monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest())).Figures));
    }

    [Fact]
    public async Task A_Reifegrad_the_Leistung_lost_track_of_is_told_again_by_its_Onlinedienst_and_reported()
    {
        var (ozgId, leikaKey) = await _onlinedienste.LeistungAsync(fixture.TakeOzgId);
        var dienst = await _onlinedienste.InUseAsync(await _onlinedienste.AnbieterAsync(), leikaKey, stufe11: 3, stufe20: 4);
        var version = (await new OnlinedienstService.OnlinedienstServiceClient(fixture.Host.Channel)
            .GetOnlinedienstAsync(new GetOnlinedienstRequest { OnlinedienstId = dienst })).Onlinedienst.Version;
        await Eventually.ReturnsAsync(() => StatusAsync(ozgId), s => s.Reifegrad == 3, "the derived Reifegrad 3");

        // What a lost message leaves: the Leistung holding another word of the Onlinedienst at its current version.
        await fixture.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<Domain.ILeistungGrain>(ozgId)
            .ReconcileOnlinedienstAsync(dienst, new Domain.OnlinedienstStufen(version, null, null));
        var damaged = await StatusAsync(ozgId);
        var result = await _monitoring.ReconcileFiguresAsync(new ReconcileFiguresRequest());
        var repaired = await StatusAsync(ozgId);

        Assert.Equal(0, damaged.ReifegradOnlinedienste);
        var correction = Assert.Single(Check(result, DerivedValueKind.Reifegrad).Corrected);
        Assert.Equal($"{ozgId}/{dienst}", correction.Subject);
        Assert.Equal($"zählt nicht (v{version})", correction.Before);
        Assert.Equal($"1.1=3 2.0=4 (v{version})", correction.After);
        Assert.Equal((3, 1, 4), (repaired.Reifegrad, repaired.ReifegradOnlinedienste, repaired.Reifegrad20));
    }

    [Fact]
    public async Task A_confirmed_Go_Live_whose_report_stopped_with_its_silo_is_reported_into_the_rollout_and_listed()
    {
        var (ozgId, leikaKey) = await _onlinedienste.LeistungAsync(fixture.TakeOzgId);
        var dienst = await _onlinedienste.InUseAsync(await _onlinedienste.AnbieterAsync(), leikaKey, stufe11: 3, stufe20: 3, land: "HB");
        var ags = ShippedRegister.Ags("HB", 2);
        var goLive = await _damage.LoseGoLiveReportAsync(dienst, "HB", ags, Today);
        Assert.Null(await EntryAsync(ozgId, "HB", ags));

        var result = await _monitoring.ReconcileFiguresAsync(new ReconcileFiguresRequest());

        var correction = Assert.Single(Check(result, DerivedValueKind.AnschlussGoLive).Corrected);
        Assert.Equal(($"{dienst}/HB/{ags}", "not reported", $"ONLINE (Go-Live {AnschlussChecklist.Day(goLive)})"), (correction.Subject, correction.Before, correction.After));
        var entry = await EntryAsync(ozgId, "HB", ags);
        Assert.Equal((KommuneVerfuegbarkeit.Online, AnschlussGrain.ReportedBy), (entry?.Verfuegbarkeit, entry?.ChangedBy));
        var again = await _monitoring.ReconcileFiguresAsync(new ReconcileFiguresRequest());
        Assert.Empty(Check(again, DerivedValueKind.AnschlussGoLive).Corrected);
    }

    private DateOnly Today => fixture.Host.Services.GetRequiredService<ProgrammeClock>().Today;

    private async Task<RolloutEntry?> EntryAsync(int ozgId, string land, string ags) =>
        (await _rollout.GetRolloutAsync(new GetRolloutRequest { OzgId = ozgId, Land = land, PageSize = 500 })).Entries.FirstOrDefault(e => e.Ags == ags);

    private async Task<LeistungStatus> StatusAsync(int ozgId) =>
        (await _leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.Status;


    private static DerivedValueCheck Check(ReconcileFiguresResponse result, DerivedValueKind kind) => result.Checks.Single(check => check.Kind == kind);

    private static string NewId() => Guid.NewGuid().ToString();
}

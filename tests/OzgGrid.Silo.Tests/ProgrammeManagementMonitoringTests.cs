using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Grains.Abstractions.Termine;
using OzgGrid.Grains.Termine;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// EfA-Nachnutzung and overdue milestones in the programme monitoring, over real gRPC: the figures of
/// GetProgrammeFigures, the WatchProgramme streams and GetLeistung. The programme clock is moved by the tests.
/// On each store, each on a host of its own: <see cref="AzuriteProgrammeManagementMonitoringTests"/>, <see cref="Postgres.PostgresProgrammeManagementMonitoringTests"/>.
/// </summary>
public abstract class ProgrammeManagementMonitoringTests(ProgrammeClockFixture fixture)
{
    private readonly ProgrammeManagementService.ProgrammeManagementServiceClient _management = new(fixture.Host.Channel);
    private readonly MonitoringService.MonitoringServiceClient _monitoring = new(fixture.Host.Channel);
    private readonly LeistungService.LeistungServiceClient _leistungen = new(fixture.Host.Channel);

    [Fact]
    public async Task A_nachnutzung_change_moves_the_programme_figures_reaches_watchers_and_shows_on_the_leistung()
    {
        var ozgId = fixture.TakeOzgId();
        await using var watcher = StreamWatcher.Open(_monitoring, new WatchProgrammeRequest { OzgIds = { ozgId } });
        await watcher.ReadSnapshotAsync();

        await _management.SetUmsetzungslandAsync(new SetUmsetzungslandRequest { OzgId = ozgId, RequestId = NewId(), Land = "HB" });
        await _management.SetNachnutzungAsync(new SetNachnutzungRequest
        {
            OzgId = ozgId, RequestId = NewId(), Land = "SL", Zustand = NachnutzungZustand.Live, Override = true,
        });

        var nachnutzerKey = $"efa/leistung/{ozgId}/nachnutzer";
        var announced = (await watcher.ReadUntilAsync(
            m => m.LeistungChanged is { Kind: ChangeKind.Nachnutzung } c && c.ChangedFigures.Any(f => f.Key == nachnutzerKey),
            $"the Nachnutzung of {ozgId} in SL as a change with its figures")).Last().LeistungChanged;
        Assert.Equal(ozgId, announced.Leistung.OzgId);
        Assert.Equal(TestHost.ManagementSubject, announced.ChangedBy);
        Assert.Equal(1, announced.ChangedFigures.Single(f => f.Key == nachnutzerKey).Value);
        Assert.Equal(("HB", 1), (announced.ProgrammeManagement.Umsetzungsland, announced.ProgrammeManagement.NachnutzerLive));
        Assert.Contains(announced.Fields, f => f.Field == "nachnutzung.SL" && f.After == "Live");

        var figures = (await _monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest())).Figures;
        Assert.Equal(1, figures.Efa.LeistungenNachgenutzt.Single(l => l.OzgId == ozgId).Nachnutzer);
        Assert.True(figures.Efa.Leistungen >= 1, "The EfA-Leistung with its Umsetzungsland should be counted.");
        Assert.Equal(1, figures.Laender.Single(l => l.Land == "HB").EfaBereitgestellt);
        Assert.Equal(1, figures.Laender.Single(l => l.Land == "SL").EfaNachgenutzt);

        await using var late = StreamWatcher.Open(_monitoring, new WatchProgrammeRequest { OzgIds = { ozgId } });
        var snapshot = (await late.ReadSnapshotAsync()).Last().Snapshot;
        Assert.Equal(1, snapshot.Figures.Single(f => f.Key == nachnutzerKey).Value);

        var efa = (await _leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Efa;
        Assert.Equal(("HB", 1, 0), (efa.Umsetzungsland, efa.NachnutzerLive, efa.NachnutzerInVorbereitung));
    }

    [Fact]
    public async Task A_passed_milestone_makes_the_leistung_overdue_everywhere_and_reaching_the_phase_clears_it()
    {
        var ozgId = fixture.TakeOzgId();
        var planned = fixture.Today.AddDays(5).ToString("yyyy-MM-dd");
        await _management.SetMeilensteinAsync(new SetMeilensteinRequest
        {
            OzgId = ozgId, RequestId = NewId(), Phase = Umsetzungsphase.Umsetzung, Land = "MV", PlannedDate = planned,
        });

        // Filtered by MV, where the Leistung is not available: a milestone for MV is about MV all the same.
        await using var watcher = StreamWatcher.Open(_monitoring, new WatchProgrammeRequest { Land = "MV", Batched = false });
        await watcher.ReadSnapshotAsync();
        fixture.ProgrammeTime.Advance(TimeSpan.FromDays(6));
        await ReminderTickAsync(ozgId);

        var overdue = (await watcher.ReadUntilAsync(
            m => m.LeistungChanged is { Kind: ChangeKind.Ueberfaellig } c && c.Leistung.OzgId == ozgId,
            $"{ozgId} announced overdue")).Last().LeistungChanged;
        var milestone = Assert.Single(overdue.ProgrammeManagement.Ueberfaellig);
        Assert.Equal((Umsetzungsphase.Umsetzung, "MV", planned, string.Empty), (milestone.Phase, milestone.Land, milestone.PlannedDate, milestone.Beschluss));
        Assert.Equal(TermineGrain.CheckedBy, overdue.ChangedBy);
        Assert.Contains(overdue.ChangedFigures, f => f.Key == "ueberfaellig/land/MV" && f.Value == 1);

        var fristen = (await _leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Fristen;
        Assert.True(fristen.Ueberfaellig);
        Assert.Equal(milestone, Assert.Single(fristen.UeberfaelligeMeilensteine));
        var figures = (await _monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest())).Figures;
        Assert.Equal(1, figures.Laender.Single(l => l.Land == "MV").Ueberfaellig);
        Assert.True(figures.Ueberfaellig.Leistungen >= 1, "The overdue Leistung should be counted.");
        var themenfeldId = (await _leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.ThemenfeldId;
        Assert.True(figures.Themenfelder.Single(t => t.ThemenfeldId == themenfeldId).Ueberfaellig >= 1, "Its Themenfeld should count it.");

        // Reaching the phase is enough: the monitoring has the overdue Leistung's milestones checked at once.
        await _leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = NewId(), Phase = Umsetzungsphase.Umsetzung });

        var caughtUp = (await watcher.ReadUntilAsync(
            m => m.LeistungChanged is { Kind: ChangeKind.NichtMehrUeberfaellig } c && c.Leistung.OzgId == ozgId,
            $"{ozgId} announced no longer overdue")).Last().LeistungChanged;
        Assert.Equal(milestone, Assert.Single(caughtUp.ProgrammeManagement.VorherUeberfaellig));
        Assert.Empty(caughtUp.ProgrammeManagement.Ueberfaellig);
        Assert.Contains(caughtUp.ChangedFigures, f => f.Key == "ueberfaellig/land/MV" && f.Value == 0);
        Assert.False((await _leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Fristen.Ueberfaellig);
        Assert.Equal(0, (await _monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest())).Figures.Laender.Single(l => l.Land == "MV").Ueberfaellig);
    }

    /// <summary>What Orleans calls when the milestone reminder fires, called at once instead of waiting a day for it.</summary>
    private Task ReminderTickAsync(int ozgId) =>
        fixture.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<ITermineGrain>(ozgId).AsReference<IRemindable>()
            .ReceiveReminder(TermineGrain.ReminderName, new TickStatus(DateTime.UtcNow, TermineGrain.CheckPeriod, DateTime.UtcNow));

    private static string NewId() => $"req-{Guid.NewGuid():N}";
}

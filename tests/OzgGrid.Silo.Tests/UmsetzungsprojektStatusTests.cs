using Grpc.Core;
using OzgGrid.Grains.Umsetzungsprojekte;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// An Umsetzungsprojekt's status over real gRPC: the programme clock passes a planned date and the
/// project's reminder (every <see cref="ProgrammeClockFixture.UmsetzungsprojektCheckPeriod"/> here) records the move as
/// OzgGrid; a deferral takes an overdue project back into its plan; the watchers of the programme management hear of both.
/// On each store, each on a host of its own: <see cref="AzuriteUmsetzungsprojektStatusTests"/>, <see cref="Postgres.PostgresUmsetzungsprojektStatusTests"/>.
/// </summary>
public abstract class UmsetzungsprojektStatusTests(ProgrammeClockFixture fixture)
{
    private readonly UmsetzungsprojektService.UmsetzungsprojektServiceClient _client = new(fixture.Host.Channel);
    private readonly ProgrammeManagementService.ProgrammeManagementServiceClient _management = new(fixture.Host.Channel);

    [Fact]
    public async Task The_status_moves_by_reminder_as_planned_dates_pass_and_a_deferral_takes_the_overdue_project_back_into_its_plan()
    {
        var projektId = await DefineAsync("SN");
        var today = fixture.Today;
        await _client.SetProjektPhaseAsync(new SetProjektPhaseRequest
        {
            ProjektId = projektId, RequestId = NewId(), Phase = ProjektPhase.Konzeption, PlannedStart = Day(today.AddDays(2)), PlannedEnd = Day(today.AddDays(5)),
        });
        using var stream = _management.WatchProgrammeManagement(new WatchProgrammeManagementRequest());
        using var deadline = new CancellationTokenSource(Eventually.DefaultTimeout);
        Assert.True(await stream.ResponseStream.MoveNext(deadline.Token));
        Assert.Equal(ProjektPhase.Vorbereitung, (await GetAsync(projektId)).Status.Phase);

        fixture.ProgrammeTime.Advance(TimeSpan.FromDays(3));
        var begun = await Eventually.ReturnsAsync(() => GetAsync(projektId), p => p.Status.Phase == ProjektPhase.Konzeption,
            "the project in Konzeption once its planned start passed");
        Assert.True(begun.Status.ImPlan);
        Assert.Equal((3L, UmsetzungsprojektGrain.CheckedBy), (begun.Version, begun.LastChange.ChangedBy));

        fixture.ProgrammeTime.Advance(TimeSpan.FromDays(3));
        var overdue = await Eventually.ReturnsAsync(() => GetAsync(projektId), p => !p.Status.ImPlan,
            "the project overdue once the planned end of Konzeption passed without an actual end");
        Assert.Equal([ProjektPhase.Konzeption], overdue.Status.Ueberfaellig);
        Assert.Equal(4, overdue.Version);
        var listed = await _client.ListUmsetzungsprojekteAsync(new ListUmsetzungsprojekteRequest { NurUeberfaellig = true, PageSize = 500 });
        Assert.Contains(listed.Projekte, p => p.ProjektId == projektId);
        var overdueBefore = listed.Ueberfaellig;
        Assert.True(overdueBefore >= 1, "The overdue project should be counted.");
        var announced = await NextEventAsync(stream, e => e.UmsetzungsprojektId == projektId && e.Kind == ProgrammeEventKind.UmsetzungsprojektUeberfaellig, deadline.Token);
        Assert.Equal(0, announced.OzgId);
        Assert.Contains("Konzeption", announced.Description);

        var deferred = (await _client.DeferProjektPhaseAsync(new DeferProjektPhaseRequest
        {
            ProjektId = projektId, RequestId = NewId(), Phase = ProjektPhase.Konzeption, NewPlannedEnd = Day(fixture.Today.AddDays(10)), Grund = "Ausschreibung verlängert",
        })).Projekt;

        Assert.True(deferred.Status.ImPlan);
        Assert.Equal(ProjektPhase.Konzeption, deferred.Status.Phase);
        var konzeption = deferred.Phasen.Single(p => p.Phase == ProjektPhase.Konzeption);
        Assert.Equal((1, "Ausschreibung verlängert"), (konzeption.Verschiebungen, konzeption.Verschiebungsgrund));
        await NextEventAsync(stream, e => e.UmsetzungsprojektId == projektId && e.Kind == ProgrammeEventKind.UmsetzungsprojektNichtMehrUeberfaellig, deadline.Token);
        var after = await _client.ListUmsetzungsprojekteAsync(new ListUmsetzungsprojekteRequest { NurUeberfaellig = true, PageSize = 500 });
        Assert.DoesNotContain(after.Projekte, p => p.ProjektId == projektId);
        Assert.Equal(overdueBefore - 1, after.Ueberfaellig);
        var history = await _management.ListProgrammeChangesAsync(new ListProgrammeChangesRequest { UmsetzungsprojektId = projektId });
        Assert.Equal(["verschiebung", "statuspruefung", "statuspruefung", "termine", "definition"], history.Changes.Select(c => c.Action));
        Assert.Contains(history.Changes[1].Fields, f => f.Field == "status" && f.After.Contains("überfällig: Konzeption"));
    }

    [Fact]
    public async Task An_actual_end_keeps_a_phase_from_becoming_overdue()
    {
        var projektId = await DefineAsync("TH");
        var today = fixture.Today;
        await _client.SetProjektPhaseAsync(new SetProjektPhaseRequest
        {
            ProjektId = projektId, RequestId = NewId(), Phase = ProjektPhase.Vorbereitung,
            PlannedStart = Day(today.AddDays(-3)), PlannedEnd = Day(today.AddDays(1)), ActualStart = Day(today.AddDays(-3)), ActualEnd = Day(today),
        });
        await _client.SetProjektPhaseAsync(new SetProjektPhaseRequest
        {
            ProjektId = projektId, RequestId = NewId(), Phase = ProjektPhase.Umsetzung, PlannedStart = Day(today.AddDays(1)), PlannedEnd = Day(today.AddDays(2)),
        });

        fixture.ProgrammeTime.Advance(TimeSpan.FromDays(4));

        // Umsetzung's planned end passed too: its move shows the check ran; Vorbereitung, ended in time, is not overdue.
        var checkedProjekt = await Eventually.ReturnsAsync(() => GetAsync(projektId), p => !p.Status.ImPlan, "Umsetzung overdue after its planned end");
        Assert.Equal([ProjektPhase.Umsetzung], checkedProjekt.Status.Ueberfaellig);
        Assert.Equal(ProjektPhase.Umsetzung, checkedProjekt.Status.Phase);
    }

    /// <summary>A new project led by <paramref name="land"/>, building a Leistung no other test of the fixture touches.</summary>
    private async Task<string> DefineAsync(string land)
    {
        var projektId = $"projekt-{Guid.NewGuid():N}";
        await _client.DefineUmsetzungsprojektAsync(new DefineUmsetzungsprojektRequest
        {
            ProjektId = projektId, RequestId = NewId(), Name = "Projekt", OzgIds = { fixture.TakeOzgId() },
            Projektleitung = new Organisation { Art = OrganisationArt.Land, Kennung = land }, EfaTyp = EfaTyp.EntwicklungLand,
        });
        return projektId;
    }

    private async Task<Umsetzungsprojekt> GetAsync(string projektId) =>
        (await _client.GetUmsetzungsprojektAsync(new GetUmsetzungsprojektRequest { ProjektId = projektId })).Projekt;

    private static async Task<ProgrammeEvent> NextEventAsync(
        AsyncServerStreamingCall<WatchProgrammeManagementResponse> stream, Func<ProgrammeEvent, bool> match, CancellationToken deadline)
    {
        while (true)
        {
            Assert.True(await stream.ResponseStream.MoveNext(deadline), "the stream ended before the event came");
            if (stream.ResponseStream.Current.ProgrammeEvent is { } programmeEvent && match(programmeEvent))
            {
                return programmeEvent;
            }
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");

    private static string NewId() => $"req-{Guid.NewGuid():N}";
}

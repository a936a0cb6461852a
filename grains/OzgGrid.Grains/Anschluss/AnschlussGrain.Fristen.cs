using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions.Anschluss;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.ProgrammeManagement;

namespace OzgGrid.Grains.Anschluss;

/// <summary>
/// The Go-Live deadlines: every write records which Kommunen are overdue as of today, a reminder (at the latest every
/// <see cref="AnschlussOptions.CheckPeriod"/>) records it as OzgGrid when a planned date passes, and after each change
/// the watchers are told one way.
/// </summary>
public sealed partial class AnschlussGrain
{
    public const string FristReminder = "anschluss-frist";

    /// <summary>Recorded as "changed by" when the deadline check finds Kommunen overdue (or no longer).</summary>
    public const string CheckedBy = "ozggrid-anschluss-frist";

    private bool _activating;
    private (string Action, ImmutableArray<FieldChange> Fields, ImmutableSortedSet<string> UeberfaelligBefore)? _lastDecided;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _activating = true;
        try
        {
            await base.OnActivateAsync(cancellationToken);
        }
        finally
        {
            _activating = false;
        }
    }

    public async Task CheckFristenAsync()
    {
        if (Body is not { } body)
        {
            return;
        }

        var register = await RegisterAsync();
        var ueberfaellig = Ueberfaellige(body, register);
        if (!ueberfaellig.SetEquals(body.Ueberfaellig))
        {
            // OzgGrid's own write, under an id of its own: no caller can send it.
            await WriteAsync(
                WriteCommand.ByOzgGrid($"anschluss-frist/{Clock.Now:O}/{Guid.NewGuid():N}", CheckedBy),
                AnschlussFingerprints.Frist(ueberfaellig),
                _ => Task.CompletedTask,
                before => Task.FromResult(Decided(before, Existing(before), register, "fristpruefung", [])));
        }

        await ScheduleAsync(Body!);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == FristReminder)
        {
            await CheckFristenAsync();
        }
        else if (reminderName == MeldungReminder)
        {
            _meldungReminderMayExist = true;
            await MeldenAsync();
        }
    }

    /// <summary>The next body with the overdue Kommunen as of today, the action and the fields touched (the overdue ones among them).</summary>
    private (LandAnschluss Next, string Action, ImmutableArray<FieldChange> Fields) Decided(
        LandAnschluss? before, LandAnschluss next, KommunenRegister register, string action, List<(string Field, string? Before, string After)> fields)
    {
        var ueberfaellig = Ueberfaellige(next, register);
        next = next with { Ueberfaellig = ueberfaellig };
        var was = before?.Ueberfaellig ?? [];
        var touched = FieldChanges.Between([.. fields, ("ueberfaellig", FieldChanges.List(was), FieldChanges.List(ueberfaellig))]);
        _lastDecided = (action, touched, was);
        return (next, action, touched);
    }

    /// <summary>By the AGS the register knows now: a retired Kommune's overdue checklist is its successor's (<see cref="LandAnschluss.Following"/>).</summary>
    private ImmutableSortedSet<string> Ueberfaellige(LandAnschluss anschluss, KommunenRegister register) =>
        [.. anschluss.Following(register).Kommunen.Values.Where(k => k.IstUeberfaellig(Clock.Today)).Select(k => k.Ags)];

    /// <summary>Wakes the record the day after the next planned Go-Live still ahead; without one no reminder is kept.</summary>
    private Task ScheduleAsync(LandAnschluss anschluss)
    {
        var today = Clock.Today;
        var next = anschluss.Kommunen.Values
            .Where(k => k.GoLiveErfolgt is null && k.GoLiveGeplant is { } geplant && geplant >= today)
            .Select(k => k.GoLiveGeplant!.Value)
            .Order()
            .Select(geplant => (DateTimeOffset?)new DateTimeOffset(geplant.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
            .FirstOrDefault();
        return CheckReminder.ScheduleAsync(this, FristReminder, next, Clock.Now, options.Value.CheckPeriod);
    }

    /// <summary>After a change (and on activation): report Go-Lives into the rollouts, and tell the watchers one way.</summary>
    protected override Task OnCommittedAsync(Recorded<LandAnschluss> recorded)
    {
        // On activation the timer waits one retry interval: whoever activated the grain to report (its reminder, the
        // silo's retry, the reconciliation) reports at once and learns what it reported.
        StartMelden(recorded.Body, _activating ? MeldungRetryInterval : null);
        if (_activating || _lastDecided is not { } decided)
        {
            return Task.CompletedTask;
        }

        _lastDecided = null;
        var now = recorded.Body.Ueberfaellig;
        var kind = (!now.Except(decided.UeberfaelligBefore).IsEmpty, !decided.UeberfaelligBefore.IsEmpty && now.IsEmpty) switch
        {
            (true, _) => ProgrammeEventKind.AnschlussUeberfaellig,
            (_, true) => ProgrammeEventKind.AnschlussNichtMehrUeberfaellig,
            _ => ProgrammeEventKind.AnschlussGeaendert,
        };
        var ueberfaellig = now.IsEmpty ? "keine Kommune überfällig" : $"überfällig: {FieldChanges.List(now)}";
        try
        {
            GrainFactory.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key).AnnounceAsync(new ProgrammeEvent(
                0, kind, 0, $"Anschluss of Onlinedienst '{OnlinedienstId}' in {Land}, {decided.Action}, version {recorded.Version}: {ueberfaellig}",
                recorded.LastChange.ChangedAt, [], recorded.LastChange.ChangedBy, decided.Fields, [], [], null)
            {
                Anschluss = this.GetPrimaryKeyString(),
            }).Ignore();
        }
        catch (Exception exception)
        {
            // Only the announcement is lost: the change is persisted and in the record's history.
            logger.LogWarning(exception, "{Anschluss}: version {Version} not announced", this.GetPrimaryKeyString(), recorded.Version);
        }

        return Task.CompletedTask;
    }
}

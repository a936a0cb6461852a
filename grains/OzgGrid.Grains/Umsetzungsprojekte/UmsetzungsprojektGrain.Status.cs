using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Umsetzungsprojekte;
using OzgGrid.Grains.ProgrammeManagement;

namespace OzgGrid.Grains.Umsetzungsprojekte;

/// <summary>
/// The status: recomputed by every write, checked by a reminder at the next planned date (at the latest every
/// <see cref="UmsetzungsprojektOptions.CheckPeriod"/>), and after each change the indexes and the watchers are told.
/// </summary>
public sealed partial class UmsetzungsprojektGrain
{
    public const string ReminderName = "projektstatus";

    /// <summary>Recorded as "changed by" when a check finds the status moved.</summary>
    public const string CheckedBy = "ozggrid-projektstatus";

    private bool _activating;
    private ProjektStatus? _announced;
    private (string Action, ImmutableArray<FieldChange> Fields) _lastDecided;

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

    public async Task<Recorded<Umsetzungsprojekt>> CheckStatusAsync()
    {
        var result = Require();
        var status = UmsetzungsprojektRules.StatusAt(result.Body.Phasen, Clock.Today);
        if (!status.SameAs(result.Body.Status))
        {
            // OzgGrid's own write, under an id of its own: no caller can send it, and it is not repeated.
            var command = WriteCommand.ByOzgGrid($"projektstatus-{Clock.Now:O}-{Guid.NewGuid():N}", CheckedBy);
            result = await WriteAsync(
                command,
                UmsetzungsprojektFingerprints.Statuspruefung(status),
                _ => Task.CompletedTask,
                before => Task.FromResult(Decided(before, Existing(before), "statuspruefung")));
        }

        await ScheduleAsync(result.Body);
        return result;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName && Body is not null)
        {
            await CheckStatusAsync();
        }
    }

    /// <summary>The next body with its status as of today, what was done, and the fields touched (the status among them).</summary>
    private (Umsetzungsprojekt Next, string Action, ImmutableArray<FieldChange> Fields) Decided(
        Umsetzungsprojekt? before, Umsetzungsprojekt next, string action, params (string Field, string? Before, string After)[] fields)
    {
        var status = UmsetzungsprojektRules.StatusAt(next.Phasen, Clock.Today);
        next = next with { Status = status };
        var touched = FieldChanges.Between([.. fields, ("status", before?.Status.ToString(), status.ToString())]);
        _lastDecided = (action, touched);
        return (next, action, touched);
    }

    /// <summary>
    /// Wakes the grain at the next planned date that moves the status, at the latest after the check period; without
    /// dates ahead no reminder is kept.
    /// </summary>
    private Task ScheduleAsync(Umsetzungsprojekt projekt) =>
        CheckReminder.ScheduleAsync(this, ReminderName, UmsetzungsprojektRules.NextChange(projekt.Phasen, Clock.Now), Clock.Now, options.Value.CheckPeriod);

    /// <summary>
    /// Keeps the indexes (also on activation, which repairs one a failed write left behind) and, after a change, tells
    /// the programme-management watchers one way. Nothing here fails the write.
    /// </summary>
    protected override async Task OnCommittedAsync(Recorded<Umsetzungsprojekt> recorded)
    {
        var projekt = recorded.Body;
        var was = _announced;
        _announced = projekt.Status;
        try
        {
            await Set(UmsetzungsprojektIdSets.Ueberfaellig).SetAsync(ProjektId, projekt.Status.IstUeberfaellig);
            if (_activating)
            {
                await IndexAsync(projekt.Definition.OzgIds, []);
                return;
            }

            var kind = (was?.IstUeberfaellig ?? false, projekt.Status.IstUeberfaellig) switch
            {
                (false, true) => ProgrammeEventKind.UmsetzungsprojektUeberfaellig,
                (true, false) => ProgrammeEventKind.UmsetzungsprojektNichtMehrUeberfaellig,
                _ => ProgrammeEventKind.UmsetzungsprojektGeaendert,
            };
            var (action, fields) = _lastDecided;
            var description = $"Umsetzungsprojekt '{ProjektId}' ({projekt.Definition.Name}), {action}: {projekt.Status}";
            GrainFactory.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key).AnnounceAsync(new ProgrammeEvent(
                0, kind, 0, description, recorded.LastChange.ChangedAt, [], recorded.LastChange.ChangedBy, fields, [], [], null)
            {
                UmsetzungsprojektId = ProjektId,
            }).Ignore();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Umsetzungsprojekt {ProjektId}: indexes not told of version {Version}", ProjektId, recorded.Version);
        }
    }
}

using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Termine;
using OzgGrid.Grains.ProgrammeManagement;

namespace OzgGrid.Grains.Termine;

/// <summary>
/// The milestones of one Leistung. A reminder wakes it when the next milestone falls due (and daily while any is not
/// reached, so that an overdue Leistung that catches up is noticed); each check compares with <see cref="ProgrammeClock"/>.
/// </summary>
public sealed class TermineGrain(
    [PersistentState("termine", StorageNames.State)] IPersistentState<ProgrammeRecordState<LeistungTermine>> state,
    [PersistentState("termine-history", StorageNames.History)] IPersistentState<ProgrammeHistory> history,
    ProgrammeClock clock,
    ILogger<TermineGrain> logger) : ProgrammeRecordGrain<LeistungTermine>(state, history, clock, logger), ITermineGrain, IRemindable
{
    public const string ReminderName = "meilensteine";

    /// <summary>Recorded as "changed by" when a check finds the overdue milestones changed.</summary>
    public const string CheckedBy = "ozggrid-fristpruefung";

    /// <summary>How often a Leistung with unreached milestones is checked at least; reminders cannot wait longer reliably.</summary>
    public static readonly TimeSpan CheckPeriod = TimeSpan.FromDays(1);

    /// <summary>Orleans reminders fire at most once a minute.</summary>
    private static readonly TimeSpan ShortestDueTime = TimeSpan.FromMinutes(1);

    private readonly ILogger<TermineGrain> _logger = logger;

    private int OzgId => (int)this.GetPrimaryKeyLong();

    protected override string Describe() => $"milestone record of OZG-Leistung {OzgId}";

    public async Task<Recorded<LeistungTermine>> GetAsync()
    {
        if (Body is null)
        {
            var leistung = await CatalogLookup.LeistungAsync(GrainFactory, OzgId);
            return new Recorded<LeistungTermine>(Empty(leistung), 0, new ChangeStamp(string.Empty, DateTimeOffset.MinValue, string.Empty));
        }

        return Require();
    }

    public async Task<Recorded<LeistungTermine>> SetMeilensteinAsync(WriteCommand command, Meilenstein meilenstein)
    {
        var fingerprint = $"meilenstein|{command.ExpectedVersion}|{meilenstein}";
        if (TryReplay(command, fingerprint, out var earlier))
        {
            // The first attempt may have failed after its write, before the reminder was registered.
            await ScheduleAsync(Require().Body, (await CatalogLookup.LeistungAsync(GrainFactory, OzgId)).Status);
            return earlier;
        }

        EnsureManagement(command, "set milestones");
        var leistung = await CatalogLookup.LeistungAsync(GrainFactory, OzgId);
        if (meilenstein.Geplant <= Clock.Today)
        {
            throw new InvalidFieldException("planned_date",
                $"A milestone must lie in the future: {meilenstein.Geplant:yyyy-MM-dd} is not after today ({Clock.Today:yyyy-MM-dd}).");
        }

        var before = Body ?? Empty(leistung);
        var replaced = before.Meilensteine.FirstOrDefault(meilenstein.SameTarget);
        var next = before with
        {
            ThemenfeldId = leistung.ThemenfeldId,
            Meilensteine = [.. before.Meilensteine.Where(m => !m.SameTarget(meilenstein)).Append(meilenstein).OrderBy(m => m.Geplant).ThenBy(m => m.Land)],
        };
        var fields = FieldChanges.Between(($"meilenstein.{Target(meilenstein)}", replaced?.Geplant.ToString("yyyy-MM-dd"), meilenstein.Geplant.ToString("yyyy-MM-dd")));
        var result = await CommitAsync(command, "meilenstein", fingerprint, next, fields);
        await ScheduleAsync(result.Body, leistung.Status);
        try
        {
            await GrainFactory.GetGrain<ILeistungGrain>(OzgId).OnMilestonesSetAsync();
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "Milestones of {OzgId}: the Leistung was not told; a setback of its status is noticed by the daily check", OzgId);
        }

        return result;
    }

    public async Task<Recorded<LeistungTermine>> CheckDeadlinesAsync()
    {
        if (Body is not { } before)
        {
            return await GetAsync();
        }

        var leistung = await CatalogLookup.LeistungAsync(GrainFactory, OzgId);
        var now = Clock.Now;
        ImmutableArray<Meilenstein> overdue = [.. before.Meilensteine.Where(m => MeilensteinRules.IsOverdue(m, leistung.Status, now))];
        var result = Require();
        if (!overdue.SequenceEqual(before.Ueberfaellig))
        {
            var command = new WriteCommand($"fristpruefung-{now:O}-{Guid.NewGuid():N}", ExpectedVersion: null, CheckedBy);
            var fields = FieldChanges.Between(("ueberfaellig", FieldChanges.List(before.Ueberfaellig), FieldChanges.List(overdue)));
            result = await CommitAsync(command, "fristpruefung", command.RequestId, before with { Ueberfaellig = overdue }, fields);
        }

        await ScheduleAsync(result.Body, leistung.Status);
        return result;
    }

    public async Task<bool> RecheckAfterSetbackAsync()
    {
        if (Body is not { Meilensteine.IsEmpty: false })
        {
            return false;
        }

        await CheckDeadlinesAsync();
        return true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName)
        {
            await CheckDeadlinesAsync();
        }
    }

    protected override async Task OnCommittedAsync(Recorded<LeistungTermine> recorded)
    {
        var termine = recorded.Body;
        try
        {
            await GrainFactory.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key)
                .ReportUeberfaelligAsync(new UeberfaelligeLeistung(OzgId, termine.ThemenfeldId, termine.Ueberfaellig), recorded.Version, recorded.LastChange);
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "Milestones of {OzgId}: figures did not take version {Version}", OzgId, recorded.Version);
        }
    }

    /// <summary>
    /// Wakes the grain when the next unreached milestone falls due, at the latest after <see cref="CheckPeriod"/>. With
    /// every milestone reached it still checks once per period: the Leistung tells of a setback at once, but that notice
    /// is not stored, and this check catches one that got lost. Without milestones no reminder is kept.
    /// </summary>
    private async Task ScheduleAsync(LeistungTermine termine, LeistungStatus status)
    {
        var watched = termine.Meilensteine.Where(m => !MeilensteinRules.IsReached(m, status)).ToList();
        if (termine.Meilensteine.IsEmpty)
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            return;
        }

        var now = Clock.Now;
        var nextDue = watched.Select(MeilensteinRules.DueAt).Where(due => due > now).DefaultIfEmpty(now + CheckPeriod).Min();
        var dueTime = TimeSpan.FromTicks(Math.Clamp((nextDue - now).Ticks, ShortestDueTime.Ticks, CheckPeriod.Ticks));
        await this.RegisterOrUpdateReminder(ReminderName, dueTime, CheckPeriod);
    }

    private LeistungTermine Empty(LeistungSummary leistung) => new(OzgId, leistung.ThemenfeldId, [], []);

    private static string Target(Meilenstein meilenstein) =>
        string.Join('.', new[] { meilenstein.Phase.ToString(), meilenstein.Land, meilenstein.Beschluss }.Where(part => part.Length > 0));
}

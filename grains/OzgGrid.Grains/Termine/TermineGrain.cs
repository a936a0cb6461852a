using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Termine;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Termine;

/// <summary>
/// The milestones of one Leistung. A reminder wakes it when the next milestone falls due (and daily while any is not
/// reached, so that an overdue Leistung that catches up is noticed); each check compares with <see cref="ProgrammeClock"/>.
/// </summary>
public sealed class TermineGrain(
    [PersistentState("termine", StorageNames.State)] IPersistentState<RecordState<LeistungTermine, ProgrammeChange>> state,
    VersionedRecords records,
    ProgrammeClock clock,
    ILogger<TermineGrain> logger,
    IOptions<Limits> limits) : ProgrammeRecordGrain<LeistungTermine>(state, records, clock, Names), ITermineGrain, IRemindable
{
    public static readonly RecordNames Names = new("termine", "termine-history", "milestone record");

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
        var leistung = await CatalogLookup.LeistungAsync(GrainFactory, OzgId);
        var result = await WriteAsync(
            command,
            TermineFingerprints.Meilenstein(command.ExpectedVersion, meilenstein),
            ManagementOnly(command, "set milestones"),
            body =>
            {
                if (meilenstein.Geplant <= Clock.Today)
                {
                    throw new InvalidFieldException("planned_date",
                        $"A milestone must lie in the future: {meilenstein.Geplant:yyyy-MM-dd} is not after today ({Clock.Today:yyyy-MM-dd}).");
                }

                var before = body ?? Empty(leistung);
                var replaced = before.Meilensteine.FirstOrDefault(meilenstein.SameTarget);
                EnsureRoom(before, [meilenstein]);
                var next = before with
                {
                    ThemenfeldId = leistung.ThemenfeldId,
                    Meilensteine = [.. before.Meilensteine.Where(m => !m.SameTarget(meilenstein)).Append(meilenstein).OrderBy(m => m.Geplant).ThenBy(m => m.Land)],
                };
                var fields = FieldChanges.Between(($"meilenstein.{Target(meilenstein)}", replaced?.Geplant.ToString("yyyy-MM-dd"), meilenstein.Geplant.ToString("yyyy-MM-dd")));
                return Task.FromResult((next, "meilenstein", fields));
            });

        // Also on a retry: the first attempt may have failed after its write, before the reminder was registered.
        await ScheduleAsync(result.Body, leistung.Status);
        GrainFactory.GetGrain<ILeistungGrain>(OzgId).OnMilestonesKnownAsync(hasMilestones: true).Ignore();
        return result;
    }

    public Task EnsureRoomForAsync(ImmutableArray<Meilenstein> meilensteine)
    {
        EnsureRoom(Body, meilensteine);
        return Task.CompletedTask;
    }

    private void EnsureRoom(LeistungTermine? termine, ImmutableArray<Meilenstein> adding)
    {
        var held = termine?.Meilensteine ?? [];
        LimitChecks.EnsureRoom(
            held.Length, adding.Count(m => !held.Any(m.SameTarget)), limits.Value.MeilensteinePerLeistung,
            $"OZG-Leistung {OzgId}'s list of milestones", nameof(Limits.MeilensteinePerLeistung));
    }

    public async Task<Recorded<LeistungTermine>> CheckDeadlinesAsync() =>
        await CheckDeadlinesAsync((await CatalogLookup.LeistungAsync(GrainFactory, OzgId)).Status);

    public async Task OnLeistungChangedAsync(LeistungSummary leistung)
    {
        GrainFactory.GetGrain<ILeistungGrain>(OzgId).OnMilestonesKnownAsync(Body is { Meilensteine.IsEmpty: false }).Ignore();
        if (Body is { Meilensteine.IsEmpty: false })
        {
            await CheckDeadlinesAsync(leistung.Status);
        }
    }

    /// <summary>Compares the milestones with <paramref name="status"/> and the clock now, recording what became (no longer) overdue.</summary>
    private async Task<Recorded<LeistungTermine>> CheckDeadlinesAsync(LeistungStatus status)
    {
        if (Body is not { } before)
        {
            return await GetAsync();
        }

        var now = Clock.Now;
        ImmutableArray<Meilenstein> overdue = [.. before.Meilensteine.Where(m => MeilensteinRules.IsOverdue(m, status, now))];
        var result = Require();
        if (!overdue.SequenceEqual(before.Ueberfaellig))
        {
            // OzgGrid's own write, under an id of its own: no caller can send it, and it is not repeated.
            var command = WriteCommand.ByOzgGrid($"fristpruefung-{now:O}-{Guid.NewGuid():N}", CheckedBy);
            result = await WriteAsync(
                command,
                TermineFingerprints.Fristpruefung(overdue),
                _ => Task.CompletedTask,
                body =>
                {
                    var termine = Existing(body);
                    var fields = FieldChanges.Between(("ueberfaellig", FieldChanges.List(termine.Ueberfaellig), FieldChanges.List(overdue)));
                    return Task.FromResult((termine with { Ueberfaellig = overdue }, "fristpruefung", fields));
                });
        }

        await ScheduleAsync(result.Body, status);
        return result;
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

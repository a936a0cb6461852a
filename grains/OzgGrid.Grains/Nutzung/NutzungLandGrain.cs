using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Nutzung;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.ProgrammeManagement;

namespace OzgGrid.Grains.Nutzung;

/// <summary>
/// The usage findings of one Land. Checked after each import and every <see cref="NutzungOptions.BefundPeriode"/>
/// (a timer while active, a reminder to wake it): the rollout is only read, never waited for by its writes, so a
/// rollout change shows at the next check. What appeared or disappeared since the last check is announced one way.
/// </summary>
public sealed class NutzungLandGrain(
    [PersistentState("nutzung-befunde", StorageNames.State)] IPersistentState<NutzungLandState> state,
    ProgrammeClock clock,
    IOptions<NutzungOptions> options,
    ILogger<NutzungLandGrain> logger) : Grain, INutzungLandGrain, IRemindable
{
    public const string ReminderName = "nutzung-befunde";

    /// <summary>Recorded as who made the announcements.</summary>
    public const string CheckedBy = "ozggrid-nutzungsbefunde";

    private const int RolloutPage = 500;

    private string Land => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var period = options.Value.BefundPeriode;
        this.RegisterGrainTimer(CheckOnTimerAsync, new GrainTimerCreationOptions(period, period) { KeepAlive = true });
        try
        {
            var reminderPeriod = period < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : period;
            await this.RegisterOrUpdateReminder(ReminderName, reminderPeriod, reminderPeriod, cancellationToken);
        }
        catch (Exception fault)
        {
            logger.LogWarning(fault, "Usage findings of {Land}: no reminder; checked while the grain is active", Land);
        }
    }

    public Task OnImportedAsync() => CheckAsync();

    public Task<ImmutableArray<NutzungsBefund>> GetBefundeAsync() => Task.FromResult(state.State.Befunde);

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName == ReminderName ? CheckAsync() : Task.CompletedTask;

    public async Task<ImmutableArray<NutzungsBefund>> CheckAsync()
    {
        var now = clock.Now;
        var found = new List<NutzungsBefund>();
        foreach (var onlinedienstId in await GrainFactory.GetGrain<IIdSetGrain>(NutzungKeys.Onlinedienste(Land)).GetAsync())
        {
            found.AddRange(await FindAsync(onlinedienstId, now));
        }

        var before = state.State.Befunde.ToDictionary(b => b.Schluessel);
        var next = found.Select(b => before.TryGetValue(b.Schluessel, out var known) ? b with { FestgestelltAm = known.FestgestelltAm } : b)
            .OrderBy(b => b.OnlinedienstId, StringComparer.Ordinal).ThenBy(b => b.Ags, StringComparer.Ordinal).ThenBy(b => b.Art)
            .ToImmutableArray();
        var nextKeys = next.Select(b => b.Schluessel).ToHashSet();
        var appeared = next.Where(b => !before.ContainsKey(b.Schluessel)).ToList();
        var resolved = state.State.Befunde.Where(b => !nextKeys.Contains(b.Schluessel)).ToList();
        if (appeared.Count == 0 && resolved.Count == 0 && next.Select(Inhalt).SequenceEqual(state.State.Befunde.Select(Inhalt)))
        {
            return next;
        }

        state.State.Befunde = next;
        await state.WriteStateAsync();
        Announce(appeared, ProgrammeEventKind.NutzungsBefundErkannt, "found", now);
        Announce(resolved, ProgrammeEventKind.NutzungsBefundBehoben, "resolved", now);
        return next;
    }

    /// <summary>What a finding says, compared by value (its OZG-IDs are an array).</summary>
    private static string Inhalt(NutzungsBefund befund) => $"{befund.Schluessel} {string.Join(',', befund.OzgIds)} {befund.Transaktionen} {befund.FestgestelltAm:O}";

    private async Task CheckOnTimerAsync(CancellationToken cancellation)
    {
        try
        {
            await CheckAsync();
        }
        catch (Exception fault)
        {
            logger.LogWarning(fault, "Usage findings of {Land}: the check failed; the next one repeats it", Land);
        }
    }

    private async Task<IEnumerable<NutzungsBefund>> FindAsync(string onlinedienstId, DateTimeOffset now)
    {
        Onlinedienst dienst;
        try
        {
            dienst = (await GrainFactory.GetGrain<IOnlinedienstGrain>(onlinedienstId).GetAsync()).Body;
        }
        catch (NotFoundException)
        {
            return [];
        }

        var entries = new List<RolloutEntry>();
        foreach (var ozgId in dienst.OzgIds)
        {
            entries.AddRange(await RolloutAsync(ozgId));
        }

        var (erster, letzter) = NutzungsBefundeRechnung.Fenster(now);
        var transaktionen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var jahr in Enumerable.Range(erster.Jahr, letzter.Jahr - erster.Jahr + 1))
        {
            if (await GrainFactory.GetGrain<INutzungGrain>(NutzungKeys.Record(onlinedienstId, Land, jahr)).GetAsync() is not { } figures)
            {
                continue;
            }

            foreach (var (ags, monate) in figures.Kommunen)
            {
                var sum = Enumerable.Range(1, 12).Select(m => new Monat(jahr, m)).Where(m => m >= erster && m <= letzter)
                    .Sum(m => Math.Max(0, monate[m.ImJahr - 1]));
                transaktionen[ags] = transaktionen.GetValueOrDefault(ags) + sum;
            }
        }

        var einsatz = dienst.Einsatzgebiet.FirstOrDefault(e => e.Land == Land)?.Kommunen ?? [];
        var successors = (await GrainFactory.GetGrain<IKommunenRegisterGrain>(Land).GetAsync()).Successors();
        return NutzungsBefundeRechnung.Finde(onlinedienstId, Land, dienst.OzgIds, einsatz, entries, transaktionen, now, successors).ToList();
    }

    private async Task<List<RolloutEntry>> RolloutAsync(int ozgId)
    {
        var rollout = GrainFactory.GetGrain<ILandRolloutGrain>(RolloutKeys.Land(ozgId, Land));
        var entries = new List<RolloutEntry>();
        string? after = null;
        do
        {
            LandRollout page;
            try
            {
                page = await rollout.GetAsync(after, RolloutPage);
            }
            catch (NotFoundException)
            {
                return entries;
            }

            entries.AddRange(page.Entries);
            after = page.NextAfterAgs;
        }
        while (after is not null);
        return entries;
    }

    private void Announce(List<NutzungsBefund> befunde, ProgrammeEventKind kind, string what, DateTimeOffset now)
    {
        var figures = GrainFactory.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key);
        foreach (var befund in befunde)
        {
            try
            {
                // One way: the figures grain numbers the event and passes it to the watchers.
                _ = figures.AnnounceAsync(new ProgrammeEvent(
                    0, kind, 0, $"Usage finding {what}: {befund.Beschreibung}", now, [], CheckedBy, [], [], [], null));
            }
            catch (Exception fault)
            {
                logger.LogWarning(fault, "Usage finding of {Land} not announced: {Finding}", Land, befund.Beschreibung);
            }
        }
    }
}

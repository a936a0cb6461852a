using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions.Anschluss;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Reconciliation;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Changes;

namespace OzgGrid.Grains.Anschluss;

/// <summary>
/// A Kommune's Verfügbarkeit follows from its Go-Live: once it is done and confirmed, the record reports the Kommune
/// ONLINE into each Leistung the Onlinedienst implements, as OzgGrid, one way after the commit. A timer retries while
/// the grain is active, a reminder brings it back after its silo stopped; the request ids are deterministic, so a
/// report sent twice is applied once. Without a reminder the silo retries, and the reconciliation reports what stays open.
/// </summary>
public sealed partial class AnschlussGrain
{
    /// <summary>Recorded as "changed by" on the rollout entries the Anschluss reports.</summary>
    public const string ReportedBy = "ozggrid-anschluss";

    private const string MeldungReminder = "anschluss-meldung";

    private static readonly TimeSpan MeldungRetryInterval = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan MeldungReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _meldungTimer;
    private bool _meldungReminderMayExist;
    private bool _deferredRetryScheduled;

    /// <summary>
    /// Starts the reports when a Go-Live is not yet reported; never waits for them (the write is durable already). The
    /// checklists as recorded decide whether to start; what is reported follows the register (<see cref="MeldenAsync()"/>).
    /// </summary>
    private void StartMelden(LandAnschluss anschluss, TimeSpan? after = null)
    {
        if (_meldungTimer is null && Offen(anschluss).Any())
        {
            _meldungTimer = this.RegisterGrainTimer(
                _ => MeldenAsync(), new GrainTimerCreationOptions(after ?? TimeSpan.Zero, MeldungRetryInterval) { KeepAlive = true });
        }
    }

    public async Task<DerivedValueCheck> ReportGoLivesAsync()
    {
        // The checklists as recorded decide whether anything is open, as they decide whether to start.
        var gemeldet = Body is { } recorded && Offen(recorded).Any() ? await MeldenAsync() : [];
        var online = Body?.Kommunen.Values.Count(k => k.IstOnline && k.GoLiveErfolgt is not null) ?? 0;
        return new DerivedValueCheck(DerivedValueKind.AnschlussGoLive, online,
            [.. gemeldet.Select(m => new Correction($"{OnlinedienstId}/{Land}/{m.Ags}", "not reported", $"ONLINE (Go-Live {m.GoLive:yyyy-MM-dd})"))]);
    }

    /// <summary>The online Kommunen not yet reported, with their Go-Live date.</summary>
    private IEnumerable<(string Ags, DateOnly GoLive)> Offen(LandAnschluss anschluss) =>
        anschluss.Kommunen.Values
            .Where(k => k.IstOnline && k.GoLiveErfolgt is not null && !meldungen.State.Gemeldet.Contains(MeldungKey(k.Ags, k.GoLiveErfolgt.Value)))
            .Select(k => (k.Ags, k.GoLiveErfolgt!.Value));

    /// <summary>
    /// Reports by the AGS the register knows now: a Go-Live recorded for a Kommune that merged since is its successor's
    /// (as its checklist is, <see cref="LandAnschluss.Following"/>); the rollout refuses the retired AGS. Returns the
    /// Kommunen reported by this call; while some stay open, the timer and the reminder keep trying.
    /// </summary>
    private async Task<List<(string Ags, DateOnly GoLive)>> MeldenAsync()
    {
        var reported = new List<(string Ags, DateOnly GoLive)>();
        if (Body is not { } recorded)
        {
            return reported;
        }

        LandAnschluss? anschluss = null;
        var gemeldet = meldungen.State.Gemeldet;
        try
        {
            anschluss = recorded.Following(await RegisterAsync());
            var ozgIds = (await DienstAsync()).OzgIds;
            foreach (var (goLive, kommunen) in Offen(anschluss).GroupBy(o => o.GoLive, o => o.Ags).Select(g => (g.Key, g.ToImmutableArray())))
            {
                var angenommen = await MeldenAsync(ozgIds, goLive, kommunen);
                gemeldet = gemeldet.Union(angenommen.Select(ags => MeldungKey(ags, goLive)));
                reported.AddRange(angenommen.Select(ags => (ags, goLive)));
            }
        }
        catch (Exception fault)
        {
            logger.LogWarning(fault, "{Anschluss}: Go-Lives not yet reported into the Land rollouts; retrying", this.GetPrimaryKeyString());
        }

        if (gemeldet != meldungen.State.Gemeldet)
        {
            try
            {
                await meldungen.WriteOrRollBackAsync(meldungen.State with { Gemeldet = gemeldet }, this);
            }
            catch (Exception)
            {
                // The grain deactivates and takes its timer along: the reminder (or the silo) brings it back.
                await KeepMeldungReminderAsync();
                throw;
            }
        }

        if (anschluss is not null && !Offen(anschluss).Any())
        {
            await StopMeldenAsync();
        }
        else
        {
            StartMelden(anschluss ?? recorded, MeldungRetryInterval);
            await KeepMeldungReminderAsync();
        }

        return reported;
    }

    /// <summary>
    /// Brings the grain back to report after its silo stopped: the open reports are in no other place that would send
    /// them. Without a reminder (storage failing) the silo calls the grain again (<see cref="DeferredRetries"/>), and the
    /// periodic reconciliation reports what is still open after that.
    /// </summary>
    private async Task KeepMeldungReminderAsync()
    {
        if (_meldungReminderMayExist)
        {
            return;
        }

        try
        {
            await this.RegisterOrUpdateReminder(MeldungReminder, MeldungRetryInterval, MeldungReminderPeriod);
            _meldungReminderMayExist = true;
        }
        catch (Exception fault)
        {
            logger.LogWarning(fault, "{Anschluss}: no reminder for the open reports; the timer and the silo retry", this.GetPrimaryKeyString());
            if (!_deferredRetryScheduled)
            {
                _deferredRetryScheduled = true;
                var self = this.AsReference<IAnschlussGrain>();
                deferredRetries.Schedule(MeldungRetryInterval, () => self.ReportGoLivesAsync(), $"Anschluss {this.GetPrimaryKeyString()}");
            }
        }
    }

    /// <summary>
    /// Reports the Kommunen ONLINE into each Leistung; returns those every Leistung took (or refused for good: a
    /// refusal other than "unavailable" does not go away by retrying, and is logged).
    /// </summary>
    private async Task<ImmutableArray<string>> MeldenAsync(ImmutableSortedSet<int> ozgIds, DateOnly goLive, ImmutableArray<string> kommunen)
    {
        var offen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ozgId in ozgIds)
        {
            var reifegrad = (await GrainFactory.GetGrain<ILeistungGrain>(ozgId).GetSummaryAsync())?.Status.Reifegrad ?? Reifegrad.Offline;

            // The entry's request id is "{this}/{ags}": the same Go-Live of the same Kommune is one request, however often sent.
            var command = WriteCommand.ByOzgGrid($"anschluss/{OnlinedienstId}/{goLive:yyyy-MM-dd}", ReportedBy);
            var outcomes = await GrainFactory.GetGrain<ILandRolloutGrain>(RolloutKeys.Land(ozgId, Land))
                .ReportAsync(command, [.. kommunen.Select(ags => new RolloutReport(ags, KommuneVerfuegbarkeit.Online, reifegrad))]);
            foreach (var outcome in outcomes.Where(o => o.Refusal is not null))
            {
                if (outcome.Refusal == RolloutRefusal.Unavailable)
                {
                    offen.Add(outcome.Ags);
                }
                else
                {
                    logger.LogWarning("{Anschluss}: OZG-Leistung {OzgId} refused Kommune {Ags} online: {Reason}",
                        this.GetPrimaryKeyString(), ozgId, outcome.Ags, outcome.Reason);
                }
            }
        }

        return [.. kommunen.Where(ags => !offen.Contains(ags))];
    }

    private async Task StopMeldenAsync()
    {
        _meldungTimer?.Dispose();
        _meldungTimer = null;
        if (!_meldungReminderMayExist)
        {
            return;
        }

        try
        {
            if (await this.GetReminder(MeldungReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _meldungReminderMayExist = false;
        }
        catch (Exception fault)
        {
            // It fires again, finds nothing to report, and is removed then.
            logger.LogWarning(fault, "{Anschluss}: the report reminder was not removed", this.GetPrimaryKeyString());
        }
    }

    private static string MeldungKey(string ags, DateOnly goLive) => $"{ags}/{goLive:yyyy-MM-dd}";
}

using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.Reconciliation;

namespace OzgGrid.Grains.Reconciliation;

/// <summary>
/// Repairs every derived value from its source records, periodically by a reminder (so a silo restart does not stop
/// it) and on request: the Anschluss records' Go-Lives not yet reported, the Land rollouts' Verfügbarkeit, the
/// Reifegrad the Onlinedienste derive, the milestone records' overdue milestones, the EfA and overdue figures, then the
/// programme aggregator's figures (counted from the Leistungen and the figures grain, so last).
/// </summary>
/// <remarks>Not reentrant: a request while a run is under way waits for it and runs afresh, seeing what it corrected.</remarks>
public sealed class ReconciliationGrain(
    [PersistentState("reconciliation", StorageNames.State)] IPersistentState<ReconciliationState> state,
    IOptions<ReconciliationOptions> options,
    ReconciliationMetrics metrics,
    ILogger<ReconciliationGrain> logger) : Grain, IReconciliationGrain, IRemindable
{
    public const string ReminderName = "reconcile";

    public async Task ScheduleAsync()
    {
        var period = options.Value.Period;
        if (state.State.Period == period && await this.GetReminder(ReminderName) is not null)
        {
            return;
        }

        await this.RegisterOrUpdateReminder(ReminderName, period, period);
        state.State = state.State with { Period = period };
        await state.WriteStateAsync();
        logger.LogInformation("Reconciliation of derived values scheduled every {Period}", period);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        try
        {
            await RunAsync();
        }
        catch (Exception fault)
        {
            // The next period tries again; a storage outage is the likely cause.
            logger.LogWarning(fault, "Reconciliation of derived values failed; the next run in {Period} tries again", options.Value.Period);
        }
    }

    public async Task<ReconciliationReport> RunAsync()
    {
        var batchSize = Math.Max(1, options.Value.BatchSize);
        ImmutableArray<DerivedValueCheck> checks;
        ReconciliationResult figures;
        try
        {
            // Go-Lives first: what they report into the rollouts is then part of the Verfügbarkeit compared next.
            var anschluss = await new AnschlussReconciliation(GrainFactory, batchSize).RunAsync();
            var rollouts = await new RolloutReconciliation(GrainFactory, batchSize).RunAsync();
            var reifegrad = await new ReifegradReconciliation(GrainFactory, batchSize).RunAsync();
            var programmeRecords = await new ProgrammeRecordsReconciliation(GrainFactory, batchSize).RunAsync();
            figures = await GrainFactory.GetGrain<IProgrammeAggregatorGrain>(IProgrammeAggregatorGrain.Key).ReconcileAsync();
            checks = [anschluss, rollouts, reifegrad, .. programmeRecords, new DerivedValueCheck(DerivedValueKind.ProgrammeFigures, figures.LeistungenCounted, figures.Corrections)];
        }
        catch (Exception)
        {
            metrics.Failed();
            throw;
        }

        metrics.Completed(checks);
        foreach (var check in checks)
        {
            foreach (var correction in check.Corrected)
            {
                logger.LogWarning("Reconciliation corrected {Kind} {Subject}: {Before} -> {After}", check.Kind, correction.Subject, correction.Before, correction.After);
            }
        }

        logger.LogInformation("Reconciliation checked {Checked} derived values and corrected {Corrected}",
            checks.Sum(check => check.Checked), checks.Sum(check => check.Corrected.Length));
        return new ReconciliationReport(checks, figures);
    }
}

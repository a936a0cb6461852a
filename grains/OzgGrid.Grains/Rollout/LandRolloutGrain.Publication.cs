using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Reconciliation;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Changes;

namespace OzgGrid.Grains.Rollout;

/// <summary>The Land rollout's writes of its derived Verfügbarkeit into the Leistung, and their retries.</summary>
public sealed partial class LandRolloutGrain
{
    private const string PublishReminder = "publish-verfuegbarkeit";

    private static readonly TimeSpan PublishRetryInterval = TimeSpan.FromSeconds(5);

    /// <summary>The shortest period Orleans allows a reminder; the timer retries more often while the grain is active.</summary>
    private static readonly TimeSpan PublishReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _publishRetry;

    /// <summary>Whether the publish reminder may be registered (this activation registered it, or was woken by it).</summary>
    private bool _publishReminderMayExist;

    /// <summary>Whether this activation handed a retry to the silo, for a failed write while no reminder could be registered.</summary>
    private bool _deferredRetryScheduled;

    /// <summary>
    /// Derives the Verfügbarkeit from the entries and the register as they are now and writes it into the Leistung if
    /// it differs from what was written last: the reconciliation's repair of a recount that never arrived (the register
    /// tells of an import one way).
    /// </summary>
    /// <returns>The value written, from the one written before; null when nothing differed or the write failed (retried).</returns>
    public async Task<Correction?> ReconcileAsync(string changedBy) => await PublishAsync(await Register.GetAsync(), changedBy);

    /// <summary>Writes the derived Verfügbarkeit into the Leistung when it differs from what was written last.</summary>
    /// <returns>The value written, from the one written before; null when nothing was written.</returns>
    private async Task<Correction?> PublishAsync(KommunenRegister register, string changedBy)
    {
        var derived = await DeriveAsync(register);
        var before = _state.State.Published;
        if (derived == before && _state.State.Publishing is null)
        {
            await StopPublishRetryAsync();
            return null;
        }

        // The request id names the publication and its value: a retry of the same write is applied once by the Leistung,
        // and a later write of a value written before (after a change back) gets an id of its own.
        // OzgGrid's own write, in the request ids no token can name: a caller cannot plant them first.
        var command = WriteCommand.ByOzgGrid($"rollout/{OzgId}/{Land}/{_state.State.Publications + 1}/{derived}", changedBy);
        try
        {
            // Said first, so that a Leistung that takes the value while this state's next write is lost is written again.
            if (_state.State.Publishing != derived)
            {
                await _state.WriteOrRollBackAsync(_state.State with { Publishing = derived }, this);
            }

            await Leistung.UpdateStatusAsync(command, new LeistungStatusUpdate(null, null, new LandVerfuegbarkeit(Land, derived)));
            await _state.WriteOrRollBackAsync(
                _state.State with
                {
                    Published = derived, Publishing = null, Publications = _state.State.Publications + 1,
                    LastReportedBy = _lastReportedBy ?? _state.State.LastReportedBy,
                },
                this);
        }
        catch (Exception fault)
        {
            _logger.LogWarning(fault, "Rollout {OzgId} in {Land}: Verfügbarkeit {Derived} not yet written into the Leistung; retrying",
                OzgId, Land, derived);
            await KeepRetryingAsync();
            return null;
        }

        await StopPublishRetryAsync();
        return new Correction($"{OzgId}/{Land}", before.ToString(), derived.ToString());
    }

    /// <summary>
    /// A timer retries while the grain is active; the reminder brings the grain back to retry after its silo stopped,
    /// since the derived value is in no other place that would write it.
    /// </summary>
    private async Task KeepRetryingAsync()
    {
        _publishRetry ??= this.RegisterGrainTimer(
            RetryPublishAsync, new GrainTimerCreationOptions(PublishRetryInterval, PublishRetryInterval) { KeepAlive = true });
        if (_publishReminderMayExist)
        {
            return;
        }

        try
        {
            await this.RegisterOrUpdateReminder(PublishReminder, PublishRetryInterval, PublishReminderPeriod);
            _publishReminderMayExist = true;
        }
        catch (Exception fault)
        {
            // Storage is failing: a failed state write deactivates the grain, taking its timer along, so the silo
            // calls it again instead.
            _logger.LogWarning(fault, "Rollout {OzgId} in {Land}: no reminder for the retry; the timer and the silo retry", OzgId, Land);
            if (!_deferredRetryScheduled)
            {
                _deferredRetryScheduled = true;
                var rollout = this.AsReference<ILandRolloutGrain>();
                var changedBy = RetriedBy;
                _deferredRetries.Schedule(PublishRetryInterval, () => rollout.ReconcileAsync(changedBy), $"Rollout {OzgId} in {Land}");
            }
        }
    }

    /// <summary>Who a retried publication is recorded as changed by: the last reporter.</summary>
    private string RetriedBy => _lastReportedBy ?? _state.State.LastReportedBy ?? "ozggrid-rollout";

    private async Task RetryPublishAsync(CancellationToken cancellationToken) => await PublishAsync(await Register.GetAsync(), RetriedBy);

    private async Task StopPublishRetryAsync()
    {
        _publishRetry?.Dispose();
        _publishRetry = null;
        if (!_publishReminderMayExist)
        {
            return;
        }

        try
        {
            if (await this.GetReminder(PublishReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _publishReminderMayExist = false;
        }
        catch (Exception fault)
        {
            // It fires again, finds nothing to write, and is removed then.
            _logger.LogWarning(fault, "Rollout {OzgId} in {Land}: the publish reminder was not removed", OzgId, Land);
        }
    }
}

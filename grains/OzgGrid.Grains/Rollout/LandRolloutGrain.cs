using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Changes;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Rollout;

/// <summary>
/// A Leistung's rollout in one Land. Reports go through here: it checks the caller and the register, applies each report
/// to its entry — held and stored here, in partitions by Kreis (<c>LandRolloutGrain.Entries.cs</c>) — counts the latest
/// entry per Kommune (so a repeated report cannot count twice), and writes
/// the derived Verfügbarkeit into the Leistung through its normal write path whenever it changes; a failed write is
/// retried by a timer until it goes through, and by a reminder once the grain is no longer active (its silo stopped).
/// Which Kommunen count is a record of its own here (<c>LandRolloutGrain.Zustaendigkeit.cs</c>), so that the count and
/// what it counts over change in one place.
/// </summary>
public sealed partial class LandRolloutGrain(
    [PersistentState("land-rollout", StorageNames.State)] IPersistentState<LandRolloutState> state,
    [PersistentState(LandRolloutGrain.ZustaendigeKommunenState, StorageNames.State)] IPersistentState<RecordState<ZustaendigeKommunen, ProgrammeChange>> zustaendige,
    VersionedRecords records,
    ProgrammeClock clock,
    DeferredRetries deferredRetries,
    ILogger<LandRolloutGrain> logger) : Grain, ILandRolloutGrain, IRemindable
{
    private readonly IPersistentState<LandRolloutState> _state = state;
    private readonly IPersistentState<RecordState<ZustaendigeKommunen, ProgrammeChange>> _zustaendigeState = zustaendige;
    private readonly VersionedRecords _records = records;
    private readonly ProgrammeClock _clock = clock;
    private readonly DeferredRetries _deferredRetries = deferredRetries;
    private readonly ILogger<LandRolloutGrain> _logger = logger;

    /// <summary>Whether the register knows, since this activation, that this Leistung has a rollout in the Land.</summary>
    private bool _registerTold;

    /// <summary>Who reported last in this activation (stored with the Land's state when that is written).</summary>
    private string? _lastReportedBy;

    private int OzgId => RolloutKeys.Parse(this.GetPrimaryKeyString()).OzgId;

    private string Land => RolloutKeys.Parse(this.GetPrimaryKeyString()).Part;

    private ILeistungGrain Leistung => GrainFactory.GetGrain<ILeistungGrain>(OzgId);

    private RolloutEntryReporter Entries => field ??= new(OzgId, Land);

    private IKommunenRegisterGrain Register => GrainFactory.GetGrain<IKommunenRegisterGrain>(Land);

    public async Task<ImmutableArray<RolloutOutcome>> ReportAsync(WriteCommand command, ImmutableArray<RolloutReport> reports)
    {
        var leistung = await Leistung.GetAsync();
        EnsureWithinScope(command.Scope, leistung.Zustaendigkeit);
        var register = await Register.GetAsync();

        var outcomes = await ApplyAsync(command, reports, register, leistung.Status.Reifegrad);
        if (_partitions.EntryCount > 0)
        {
            register = await TellRegisterAsync() ?? register;
        }

        await PublishAsync(register, command.ChangedBy);
        return outcomes;
    }

    public async Task RecountAsync(string changedBy) => await PublishAsync(await Register.GetAsync(), changedBy);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _publishReminderMayExist = true;
        await RetryPublishAsync(CancellationToken.None);
    }

    /// <summary>The same rule as for a status report: only the assigned IT-Dienstleister, and only in a Land it serves.</summary>
    private void EnsureWithinScope(ItDienstleisterScope? scope, Zustaendigkeit? zustaendigkeit)
    {
        if (scope is null)
        {
            return;
        }

        var assigned = zustaendigkeit?.ItDienstleister;
        if (!string.Equals(assigned, scope.ItDienstleisterId, StringComparison.Ordinal))
        {
            var holder = string.IsNullOrEmpty(assigned) ? "no IT-Dienstleister" : $"'{assigned}'";
            throw new AccessDeniedException(
                $"IT-Dienstleister '{scope.ItDienstleisterId}' is not assigned to OZG-Leistung {OzgId} ({holder} is); " +
                "the programme management assigns Leistungen with SetZustaendigkeit.");
        }

        if (!scope.Laender.Contains(Land))
        {
            throw new AccessDeniedException(
                $"IT-Dienstleister '{scope.ItDienstleisterId}' does not serve {Land}; it serves {string.Join(", ", scope.Laender)}.");
        }
    }
}

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
/// A Leistung's rollout in one Land. Reports go through here: it checks the caller and the register, has each entry
/// grain apply its report, counts the latest entry per Kommune (so a repeated report cannot count twice), and writes
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
    ILogger<LandRolloutGrain> logger) : Grain, ILandRolloutGrain, IRemindable
{
    private readonly IPersistentState<LandRolloutState> _state = state;
    private readonly IPersistentState<RecordState<ZustaendigeKommunen, ProgrammeChange>> _zustaendigeState = zustaendige;
    private readonly VersionedRecords _records = records;
    private readonly ProgrammeClock _clock = clock;
    private readonly ILogger<LandRolloutGrain> _logger = logger;

    /// <summary>Whether the register knows, since this activation, that this Leistung has a rollout in the Land.</summary>
    private bool _registerTold;

    private int OzgId => RolloutKeys.Parse(this.GetPrimaryKeyString()).OzgId;

    private string Land => RolloutKeys.Parse(this.GetPrimaryKeyString()).Part;

    private ILeistungGrain Leistung => GrainFactory.GetGrain<ILeistungGrain>(OzgId);

    private RolloutEntryReporter Entries => field ??= new(GrainFactory, OzgId, Land, _logger);

    private IKommunenRegisterGrain Register => GrainFactory.GetGrain<IKommunenRegisterGrain>(Land);

    public async Task<ImmutableArray<RolloutOutcome>> ReportAsync(WriteCommand command, ImmutableArray<RolloutReport> reports)
    {
        var leistung = await Leistung.GetAsync();
        EnsureWithinScope(command.Scope, leistung.Zustaendigkeit);
        var register = await Register.GetAsync();

        var outcomes = await Task.WhenAll(reports.Select(report => Entries.ApplyAsync(command, report, register, leistung.Status.Reifegrad)));

        var entries = _state.State.Entries;
        foreach (var entry in outcomes.Select(outcome => outcome.Accepted).OfType<RolloutEntry>())
        {
            if (!entries.TryGetValue(entry.Ags, out var counted) || counted.Version < entry.Version)
            {
                entries = entries.SetItem(entry.Ags, entry);
            }
        }

        if (entries != _state.State.Entries)
        {
            // The entries are persisted already: should this write fail, a retry of the call with the same request id
            // gets their answers again and counts them then.
            await _state.WriteOrRollBackAsync(
                _state.State with { Entries = entries, Version = _state.State.Version + 1, LastReportedBy = command.ChangedBy }, this);
        }

        if (!entries.IsEmpty)
        {
            register = await TellRegisterAsync() ?? register;
        }

        await PublishAsync(register, command.ChangedBy);
        return [.. outcomes];
    }

    public async Task RecountAsync(string changedBy) => await PublishAsync(await Register.GetAsync(), changedBy);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _publishReminderMayExist = true;
        await RetryPublishAsync(CancellationToken.None);
    }

    public async Task<LandRollout> GetAsync(string? afterAgs, int limit)
    {
        await CatalogLookup.LeistungAsync(GrainFactory, OzgId);
        var register = await Register.GetAsync();
        var (_, online, pilot) = Count(register);
        var following = _state.State.Entries.Values.Where(entry => afterAgs is null || string.CompareOrdinal(entry.Ags, afterAgs) > 0);
        var page = following.Take(Math.Max(1, limit) + 1).ToImmutableArray();
        var more = page.Length > limit;
        return new LandRollout(
            OzgId,
            Land,
            await DeriveAsync(register),
            _state.State.Published,
            register.Kommunen.Count,
            online,
            pilot,
            _state.State.Entries.Count,
            more ? page.RemoveAt(limit) : page,
            more ? page[limit - 1].Ags : null);
    }

    /// <summary>
    /// Only registered and responsible Kommunen count: an entry of a Kommune removed from the register since, or not
    /// responsible, does not; nor does a listed Kommune gone from the register. An entry of a Kommune retired by a merger
    /// counts as its successor's (<see cref="KommunenRegister.Successors"/>) while the successor has no entry of its own;
    /// of several merged into one, the one changed last. A listed responsible Kommune retired since counts as its successor.
    /// </summary>
    private (int Responsible, int Online, int Pilot) Count(KommunenRegister register)
    {
        var zustaendig = Zustaendige.Following(register);
        var responsible = zustaendig.Art == ZustaendigeKommunenArt.Alle ? register.Kommunen.Count : zustaendig.Ags.Count(register.Contains);
        var counted = new Dictionary<string, RolloutEntry>(StringComparer.Ordinal);
        var successors = register.Retired.IsEmpty ? ImmutableSortedDictionary<string, string>.Empty : register.Successors();
        foreach (var entry in _state.State.Entries.Values)
        {
            if (register.Contains(entry.Ags))
            {
                counted[entry.Ags] = entry;
            }
            else if (successors.TryGetValue(entry.Ags, out var successor) && !_state.State.Entries.ContainsKey(successor)
                && (!counted.TryGetValue(successor, out var other) || ChangedAt(other) < ChangedAt(entry)))
            {
                counted[successor] = entry;
            }
        }

        var (online, pilot) = (0, 0);
        foreach (var (ags, entry) in counted)
        {
            if (!zustaendig.Includes(ags))
            {
                continue;
            }

            online += entry.Verfuegbarkeit == KommuneVerfuegbarkeit.Online ? 1 : 0;
            pilot += entry.Verfuegbarkeit == KommuneVerfuegbarkeit.Pilot ? 1 : 0;
        }

        return (responsible, online, pilot);

        static DateTimeOffset ChangedAt(RolloutEntry entry) => entry.LastChange?.ChangedAt ?? DateTimeOffset.MinValue;
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

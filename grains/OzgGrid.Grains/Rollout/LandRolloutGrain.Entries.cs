using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Changes;
using OzgGrid.Grains.ProgrammeManagement;

namespace OzgGrid.Grains.Rollout;

/// <summary>
/// The Land rollout's entries: held here in partitions by Kreis (<see cref="RolloutPartition"/>), each stored as a row of
/// its own, so that a report writes only the Kreise it touched and no entry is a grain of its own.
/// </summary>
public sealed partial class LandRolloutGrain
{
    private const string UnavailableReason = "The entry could not be stored right now; report it again with the same request_id.";

    private RolloutPartitions _partitions = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _zustaendige = _records.For(this, _zustaendigeState, ZustaendigeNames, () => _clock.Now);
        _partitions = new RolloutPartitions(_records.StateStorage, this.GetGrainId());
        await _partitions.LoadAsync(_state.State.Partitions);
        if (!_state.State.LegacyEntries.IsEmpty)
        {
            await MoveLegacyEntriesAsync();
        }

        if (_state.State.Publishing is not null)
        {
            // A write into the Leistung was begun and not finished before this activation: finish it.
            await KeepRetryingAsync();
        }
    }

    /// <summary>Stages every report in its Kreis's partition, stores the partitions touched, and answers each entry.</summary>
    private async Task<ImmutableArray<RolloutOutcome>> ApplyAsync(WriteCommand command, ImmutableArray<RolloutReport> reports, KommunenRegister register, int leistungReifegrad)
    {
        var stamp = new RolloutStamp(command.ChangedBy, _clock.Now, command.RequestId);
        var builders = new Dictionary<int, RolloutPartitionBuilder>();
        RolloutPartitionBuilder For(int kreis) => builders.TryGetValue(kreis, out var builder) ? builder : builders[kreis] = new(_partitions.Get(kreis));
        var outcomes = reports.Select(report => Entries.Stage(command, report, register, leistungReifegrad, stamp, For)).ToArray();

        var touched = builders.Where(b => b.Value.HasWrites).Select(b => (Kreis: b.Key, Next: b.Value.Build())).ToList();
        var failed = new HashSet<int>();
        var added = touched.Select(t => t.Kreis).Where(kreis => !_state.State.Partitions.Contains(kreis)).ToList();
        try
        {
            // The Land's list of partitions first: a listed partition never written is empty, an unlisted one would be lost.
            if (added.Count > 0)
            {
                await _state.WriteOrRollBackAsync(_state.State with { Partitions = _state.State.Partitions.Union(added), LastReportedBy = command.ChangedBy }, this);
            }
        }
        catch (Exception fault)
        {
            _logger.LogWarning(fault, "Rollout {OzgId} in {Land}: new partitions not listed; no entry stored", OzgId, Land);
            failed.UnionWith(touched.Select(t => t.Kreis));
            touched.Clear();
        }

        await Task.WhenAll(touched.Select(async t =>
        {
            try
            {
                await _partitions.WriteAsync(t.Kreis, t.Next);
            }
            catch (Exception fault)
            {
                // A storage fault or a lost answer: storage holds the partition before or after; the next activation reads
                // which, and a retry with the same request id gets the answers stored or applies the entries then.
                _logger.LogWarning(fault, "Rollout {OzgId} in {Land}: partition {Kreis} not stored", OzgId, Land, t.Kreis);
                lock (failed)
                {
                    failed.Add(t.Kreis);
                }
            }
        }));

        if (failed.Count > 0)
        {
            DeactivateOnIdle();
            for (var i = 0; i < outcomes.Length; i++)
            {
                if (outcomes[i].Accepted is not null && RolloutPartition.TryParseAgs(outcomes[i].Ags, out var ags) && failed.Contains(RolloutPartition.KreisOf(ags)))
                {
                    outcomes[i] = RolloutOutcome.Refuse(outcomes[i].Ags, RolloutRefusal.Unavailable, UnavailableReason);
                }
            }
        }

        _lastReportedBy = command.ChangedBy;
        return [.. outcomes];
    }

    public async Task<LandRollout> GetAsync(string? afterAgs, int limit)
    {
        await CatalogLookup.LeistungAsync(GrainFactory, OzgId);
        var register = await Register.GetAsync();
        var (_, online, pilot) = Count(register);
        var following = AllEntries().Where(entry => afterAgs is null || string.CompareOrdinal(entry.Ags, afterAgs) > 0);
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
            _partitions.EntryCount,
            more ? page.RemoveAt(limit) : page,
            more ? page[limit - 1].Ags : null);
    }

    public async Task<RolloutOnline> GetOnlineAsync()
    {
        await CatalogLookup.LeistungAsync(GrainFactory, OzgId);
        var online = _partitions.All.SelectMany(partition => Enumerable.Range(0, partition.Count)
            .Where(i => partition.Verfuegbarkeit[i] == (byte)KommuneVerfuegbarkeit.Online)
            .Select(i => RolloutPartition.AgsText(partition.Ags[i])));
        return new RolloutOnline(_zustaendige.Body, [.. online]);
    }

    /// <summary>Every entry in AGS order.</summary>
    private IEnumerable<RolloutEntry> AllEntries() =>
        _partitions.All.SelectMany(partition => Enumerable.Range(0, partition.Count).Select(i => partition.EntryAt(OzgId, i)));

    /// <summary>
    /// Only registered and responsible Kommunen count: an entry of a Kommune removed from the register since, or not
    /// responsible, does not; nor does a listed Kommune gone from the register. An entry of a Kommune retired by a merger
    /// counts as its successor's (<see cref="KommunenRegister.Successors"/>) while the successor has no entry of its own;
    /// of several merged into one, the one changed last.
    /// </summary>
    private (int Responsible, int Online, int Pilot) Count(KommunenRegister register)
    {
        var zustaendig = Zustaendige.Following(register);
        var responsible = zustaendig.Art == ZustaendigeKommunenArt.Alle ? register.Kommunen.Count : zustaendig.Ags.Count(register.Contains);
        var successors = register.Retired.IsEmpty ? null : register.Successors();
        var standIns = new Dictionary<string, RolloutEntryValue>(StringComparer.Ordinal);
        var (online, pilot) = (0, 0);
        void Tally(string ags, KommuneVerfuegbarkeit verfuegbarkeit)
        {
            if (zustaendig.Includes(ags))
            {
                online += verfuegbarkeit == KommuneVerfuegbarkeit.Online ? 1 : 0;
                pilot += verfuegbarkeit == KommuneVerfuegbarkeit.Pilot ? 1 : 0;
            }
        }

        foreach (var partition in _partitions.All)
        {
            for (var i = 0; i < partition.Count; i++)
            {
                var verfuegbarkeit = (KommuneVerfuegbarkeit)partition.Verfuegbarkeit[i];
                if (successors is null && verfuegbarkeit is not (KommuneVerfuegbarkeit.Online or KommuneVerfuegbarkeit.Pilot))
                {
                    continue;
                }

                var ags = RolloutPartition.AgsText(partition.Ags[i]);
                if (register.Contains(ags))
                {
                    Tally(ags, verfuegbarkeit);
                }
                else if (successors is not null && successors.TryGetValue(ags, out var successor) && !HasEntry(successor)
                    && (!standIns.TryGetValue(successor, out var other) || ChangedAt(other) < ChangedAt(partition.ValueAt(i))))
                {
                    standIns[successor] = partition.ValueAt(i);
                }
            }
        }

        foreach (var (successor, standIn) in standIns)
        {
            Tally(successor, standIn.Verfuegbarkeit);
        }

        return (responsible, online, pilot);

        bool HasEntry(string ags) =>
            RolloutPartition.TryParseAgs(ags, out var number) && _partitions.Get(RolloutPartition.KreisOf(number)).Find(number).Version > 0;

        static DateTimeOffset ChangedAt(RolloutEntryValue value) => value.Stamp?.At ?? DateTimeOffset.MinValue;
    }

    /// <summary>
    /// Entries stored in the Land's own state by releases before the partitions are moved into partitions once, on the
    /// first activation. Their answers for retries (kept by the entry grains then) are not moved: a retry of such a
    /// report repeats the entry, which makes no new version.
    /// </summary>
    private async Task MoveLegacyEntriesAsync()
    {
        var legacy = _state.State.LegacyEntries.Values
            .Where(entry => RolloutPartition.TryParseAgs(entry.Ags, out _))
            .GroupBy(entry => RolloutPartition.KreisOf(int.Parse(entry.Ags, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

        // Rows an earlier, interrupted move may have written: read for their ETags, then overwritten.
        await _partitions.LoadAsync(legacy.Select(group => group.Key).Where(kreis => !_state.State.Partitions.Contains(kreis)));
        foreach (var group in legacy)
        {
            var builder = new RolloutPartitionBuilder(_state.State.Partitions.Contains(group.Key) ? _partitions.Get(group.Key) : RolloutPartition.Empty);
            foreach (var entry in group)
            {
                var stamp = entry.LastChange is { } change
                    ? new RolloutStamp(change.ChangedBy, change.ChangedAt, change.RequestId.EndsWith($"/{entry.Ags}", StringComparison.Ordinal) ? change.RequestId[..^(entry.Ags.Length + 1)] : change.RequestId)
                    : null;
                builder.Set(int.Parse(entry.Ags, System.Globalization.CultureInfo.InvariantCulture), new RolloutEntryValue(entry.Verfuegbarkeit, entry.Reifegrad, (int)entry.Version, stamp));
            }

            await _partitions.WriteAsync(group.Key, builder.Build());
        }

        await _state.WriteOrRollBackAsync(
            _state.State with { Partitions = _state.State.Partitions.Union(legacy.Select(group => group.Key)), LegacyEntries = _state.State.LegacyEntries.Clear() }, this);
        _logger.LogInformation("Rollout {OzgId} in {Land}: {Count} entries moved into {Partitions} partitions", OzgId, Land, legacy.Sum(g => g.Count()), legacy.Count);
    }
}

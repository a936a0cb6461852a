using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Changes;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Grains.Records;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.Kommunen;

public sealed class KommunenRegisterGrain(
    [PersistentState("kommunen", StorageNames.State)] IPersistentState<RecordState<KommunenBody, ProgrammeChange>> state,
    [PersistentState("kommunen-rollouts", StorageNames.State)] IPersistentState<KommunenRolloutIndex> rollouts,
    VersionedRecords records,
    ILogger<KommunenRegisterGrain> logger) : Grain, IKommunenRegisterGrain, IRemindable
{
    public static readonly RecordNames Names = new("kommunen", "kommunen-history", "Kommunen register");

    /// <summary>Tells the Land rollouts of an import once more a minute later, so that a silo stop does not lose it.</summary>
    public const string RecountReminder = "recount-rollouts";

    private static readonly TimeSpan RecountAgainAfter = TimeSpan.FromMinutes(1);

    private const string KommunenField = "kommunen";
    private const string AddedField = "hinzugefuegt";
    private const string RemovedField = "entfernt";
    private const string ChangedField = "geaendert";
    private const string MergedField = "zusammengelegt";

    private VersionedRecord<KommunenBody, ProgrammeChange> _record = null!;

    private string LandKuerzel => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _record = records.For(this, state, Names);
        return Task.CompletedTask;
    }

    public async Task<KommunenImportResult> ImportAsync(WriteCommand command, Gebietsstand gebietsstand)
    {
        if (!LaenderRegister.TryFind(LandKuerzel, out var land) || land.Kuerzel != LandKuerzel)
        {
            throw new InvalidFieldException("land", $"'{LandKuerzel}' is not the kürzel of a Land.");
        }

        KommunenRules.Validate(land, gebietsstand);
        var next = gebietsstand.Kommunen.ToImmutableSortedDictionary(k => k.Ags, k => k, StringComparer.Ordinal);
        var written = await _record.WriteAsync(
            command,
            KommunenFingerprints.Import(command.ExpectedVersion, next.Values.ToList(), gebietsstand),
            _ => { },
            body =>
            {
                var current = body?.Kommunen ?? ImmutableSortedDictionary<string, Kommune>.Empty;
                var retired = KommunenMergers.Apply(body, gebietsstand, next, _record.Version + 1, LandKuerzel);
                var attribution = gebietsstand.Attribution.Length > 0 ? gebietsstand.Attribution : body?.Attribution ?? string.Empty;
                var added = next.Keys.Count(ags => !current.ContainsKey(ags));
                var removed = current.Keys.Count(ags => !next.ContainsKey(ags));
                var changed = next.Count(pair => current.TryGetValue(pair.Key, out var before) && before != pair.Value);
                var merged = retired.Keys.Count(ags => current.ContainsKey(ags));
                var unchanged = added == 0 && removed == 0 && changed == 0
                    && retired.Count == (body?.RetiredOrEmpty.Count ?? 0) && retired.Values.SequenceEqual(body?.RetiredOrEmpty.Values ?? [])
                    && attribution == (body?.Attribution ?? string.Empty);
                if (unchanged && body is not null)
                {
                    return default;
                }

                ImmutableArray<FieldChange> fields =
                [
                    new(KommunenField, current.Count.ToString(CultureInfo.InvariantCulture), next.Count.ToString(CultureInfo.InvariantCulture)),
                    new(AddedField, string.Empty, added.ToString(CultureInfo.InvariantCulture)),
                    new(RemovedField, string.Empty, removed.ToString(CultureInfo.InvariantCulture)),
                    new(ChangedField, string.Empty, changed.ToString(CultureInfo.InvariantCulture)),
                    new(MergedField, string.Empty, merged.ToString(CultureInfo.InvariantCulture)),
                ];
                return new(new KommunenBody(next, retired, attribution), (version, stamp) => new ProgrammeChange(version, "import", stamp, fields));
            });

        if (written.Outcome == WriteOutcome.Changed)
        {
            Announce(written);
        }

        // Also on a retry: the rollouts may not have been told when the first attempt failed after persisting.
        await RecountAgainLaterAsync();
        TellRollouts();
        return ResultOf(written, command);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != RecountReminder)
        {
            return;
        }

        TellRollouts();
        if (await this.GetReminder(RecountReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task AddRolloutAsync(int ozgId)
    {
        if (!rollouts.State.Leistungen.Contains(ozgId))
        {
            await rollouts.WriteOrRollBackAsync(rollouts.State with { Leistungen = rollouts.State.Leistungen.Add(ozgId) }, this);
        }
    }

    public async Task<ProgrammeChangePage> GetChangesAsync(long? beforeVersion, int limit)
    {
        var (changes, next) = await _record.GetChangesAsync(beforeVersion, limit);
        return new ProgrammeChangePage(changes, next);
    }

    public Task<ImmutableSortedSet<int>> GetRolloutsAsync() => Task.FromResult(rollouts.State.Leistungen);

    public Task<KommunenRegister> GetAsync() =>
        Task.FromResult(new KommunenRegister(
            LandKuerzel,
            _record.Body?.Kommunen ?? ImmutableSortedDictionary<string, Kommune>.Empty,
            _record.Version,
            _record.Committed.LastChange,
            _record.Body?.RetiredOrEmpty ?? ImmutableSortedDictionary<string, RetiredKommune>.Empty,
            _record.Body?.Attribution ?? string.Empty));

    /// <summary>
    /// One-way: a Land rollout reads the register back, and would wait for this grain while the import is under way.
    /// A recount that finds nothing changed writes nothing, so telling them twice is harmless.
    /// </summary>
    private void TellRollouts()
    {
        var changedBy = _record.Committed.LastChange?.ChangedBy ?? "ozggrid-kommunen";
        foreach (var ozgId in rollouts.State.Leistungen)
        {
            _ = GrainFactory.GetGrain<ILandRolloutGrain>(RolloutKeys.Land(ozgId, LandKuerzel)).RecountAsync(changedBy);
        }
    }

    /// <summary>Tells the programme-management watchers of the import, one way after the commit (it is in the history already).</summary>
    private void Announce(Written<KommunenBody, ProgrammeChange> written)
    {
        var fields = written.Change?.Fields ?? [];
        var description = $"Kommunen register of {LandKuerzel}, version {written.Version}: {written.Body.Kommunen.Count} Kommunen, " +
            $"{Field(AddedField)} added, {Field(RemovedField)} removed, {Field(MergedField)} merged into others";
        ProgrammeAnnouncements.Announce(GrainFactory, logger, ProgrammeEventKind.KommunenGeaendert, 0, description, written.Stamp, fields);

        string Field(string name) => fields.FirstOrDefault(f => f.Field == name)?.After ?? "0";
    }

    /// <summary>The one-way messages are lost if this silo stops before they are delivered; the reminder is stored.</summary>
    private async Task RecountAgainLaterAsync()
    {
        if (rollouts.State.Leistungen.IsEmpty)
        {
            return;
        }

        try
        {
            await this.RegisterOrUpdateReminder(RecountReminder, RecountAgainAfter, RecountAgainAfter);
        }
        catch (Exception fault)
        {
            logger.LogWarning(fault, "Kommunen register {Land}: no reminder to recount the rollouts again; they recount at their next report", LandKuerzel);
        }
    }

    /// <summary>The answer of an import, rebuilt from the history entry of its version (a retry gets the first answer).</summary>
    private KommunenImportResult ResultOf(Written<KommunenBody, ProgrammeChange> written, WriteCommand command)
    {
        // A retried import that changed nothing the first time finds the entry of an earlier import at its version.
        var changedNothing = written.Outcome == WriteOutcome.Unchanged
            || (written.Outcome == WriteOutcome.Replayed && written.Change?.Stamp.RequestId != command.RequestId);
        var fields = written.Change?.Fields ?? [];
        var total = written.Outcome == WriteOutcome.Replayed && !changedNothing ? Count(KommunenField) : written.Body.Kommunen.Count;
        return new KommunenImportResult(
            LandKuerzel, total, Count(AddedField), Count(RemovedField), Count(ChangedField), written.Version, Count(MergedField));

        int Count(string field) =>
            changedNothing ? 0 : int.Parse(fields.FirstOrDefault(f => f.Field == field)?.After ?? "0", CultureInfo.InvariantCulture);
    }
}

using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Umsetzungsprojekte;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Umsetzungsprojekte;

/// <summary>
/// One Umsetzungsprojekt. Every write recomputes its status from the dates and the programme clock; a reminder at the
/// next planned date (<see cref="UmsetzungsprojektGrain"/>.Status.cs) records a move as OzgGrid. This part holds what
/// the programme management alone writes: the definition, the participants, the financing.
/// </summary>
public sealed partial class UmsetzungsprojektGrain(
    [PersistentState("umsetzungsprojekt", StorageNames.State)] IPersistentState<RecordState<Umsetzungsprojekt, ProgrammeChange>> state,
    VersionedRecords records,
    ProgrammeClock clock,
    IOptions<Limits> limits,
    IOptions<UmsetzungsprojektOptions> options,
    ILogger<UmsetzungsprojektGrain> logger) : ProgrammeRecordGrain<Umsetzungsprojekt>(state, records, clock, Names), IUmsetzungsprojektGrain, IRemindable
{
    public static readonly RecordNames Names = new("umsetzungsprojekt", "umsetzungsprojekt-history", "Umsetzungsprojekt");

    private string ProjektId => this.GetPrimaryKeyString();

    protected override string Describe() => $"Umsetzungsprojekt '{ProjektId}'";

    public Task<Recorded<Umsetzungsprojekt>> GetAsync() => Task.FromResult(Require());

    public async Task<Recorded<Umsetzungsprojekt>> DefineAsync(WriteCommand command, UmsetzungsprojektDefinition definition)
    {
        var limit = limits.Value;
        ImmutableArray<int> dropped = [];
        var result = await WriteAsync(
            command,
            UmsetzungsprojektFingerprints.Define(command.ExpectedVersion, definition),
            ManagementOnly(command, "define Umsetzungsprojekte"),
            async before =>
            {
                EnsureAtMost(definition.OzgIds.Count, limit.LeistungenPerUmsetzungsprojekt, "OZG-Leistungen", nameof(Limits.LeistungenPerUmsetzungsprojekt));
                EnsureAtMost(definition.LeikaKeys.Count, limit.LeistungenPerUmsetzungsprojekt, "LeiKa-Leistungen", nameof(Limits.LeistungenPerUmsetzungsprojekt));
                await EnsureLeistungenAsync(definition);
                if (before is null)
                {
                    await LimitChecks.EnsureRoomAsync(Set(UmsetzungsprojektIdSets.Alle), ProjektId, limit.Umsetzungsprojekte,
                        "the list of Umsetzungsprojekte", nameof(Limits.Umsetzungsprojekte));
                }

                // The indexes first: an extra entry (if the write below fails) names a project whose record says otherwise
                // and is corrected by the retry; a missing one would hide the project.
                foreach (var ozgId in definition.OzgIds.Except(before?.Definition.OzgIds ?? []))
                {
                    await LimitChecks.EnsureRoomAsync(Set(UmsetzungsprojektIdSets.Of(ozgId)), ProjektId, limit.UmsetzungsprojektePerLeistung,
                        $"OZG-Leistung {ozgId}'s list of Umsetzungsprojekte", nameof(Limits.UmsetzungsprojektePerLeistung));
                }

                await IndexAsync(definition.OzgIds, []);
                dropped = [.. (before?.Definition.OzgIds ?? []).Except(definition.OzgIds)];
                var old = before?.Definition;
                var next = before is null
                    ? new Umsetzungsprojekt(ProjektId, definition, [], [], UmsetzungsprojektRules.LeerePhasen(), [], UmsetzungsprojektRules.StatusAt([], Clock.Today))
                    : before with { Definition = definition };
                return Decided(before, next, "definition",
                    ("name", old?.Name, definition.Name),
                    ("leistungen", old is null ? null : FieldChanges.List(old.OzgIds), FieldChanges.List(definition.OzgIds)),
                    ("leika_leistungen", old is null ? null : FieldChanges.List(old.LeikaKeys), FieldChanges.List(definition.LeikaKeys)),
                    ("projektleitung", old?.Projektleitung.ToString(), definition.Projektleitung.ToString()),
                    ("methodenexperte", old is null ? null : old.Methodenexperte?.ToString() ?? "-", definition.Methodenexperte?.ToString() ?? "-"),
                    ("efa_typ", old?.EfaTyp.ToString(), definition.EfaTyp.ToString()));
            });

        // Also on a retry: the first attempt may have failed after persisting, before the indexes were told.
        await IndexAsync(result.Body.Definition.OzgIds, dropped.Except(result.Body.Definition.OzgIds));
        await ScheduleAsync(result.Body);
        return result;
    }

    public Task<Recorded<Umsetzungsprojekt>> SetBeteiligteAsync(WriteCommand command, ImmutableArray<Beteiligung> beteiligte) =>
        ReplaceAsync(
            command,
            UmsetzungsprojektFingerprints.Beteiligte(command.ExpectedVersion, beteiligte),
            ManagementOnly(command, "choose the participants of Umsetzungsprojekte"),
            "beteiligte",
            (beteiligte.Length, limits.Value.BeteiligtePerUmsetzungsprojekt, "participants", nameof(Limits.BeteiligtePerUmsetzungsprojekt)),
            projekt => projekt with { Beteiligte = beteiligte },
            projekt => FieldChanges.List(projekt.Beteiligte));

    public Task<Recorded<Umsetzungsprojekt>> SetFinanzierungAsync(WriteCommand command, ImmutableArray<Finanzierung> finanzierungen) =>
        ReplaceAsync(
            command,
            UmsetzungsprojektFingerprints.Finanzierung(command.ExpectedVersion, finanzierungen),
            ManagementOnly(command, "set the financing of Umsetzungsprojekte"),
            "finanzierung",
            (finanzierungen.Length, limits.Value.FinanzierungenPerUmsetzungsprojekt, "financing entries", nameof(Limits.FinanzierungenPerUmsetzungsprojekt)),
            projekt => projekt with { Finanzierungen = finanzierungen },
            projekt => FieldChanges.List(projekt.Finanzierungen));

    /// <summary>
    /// A write that replaces one collection of an existing project whole: checked against its limit, recorded as one
    /// field named like the action, and followed by the reminder's schedule.
    /// </summary>
    private async Task<Recorded<Umsetzungsprojekt>> ReplaceAsync(
        WriteCommand command,
        long fingerprint,
        Func<Umsetzungsprojekt?, Task> authorise,
        string action,
        (int Count, int Limit, string What, string Setting) size,
        Func<Umsetzungsprojekt, Umsetzungsprojekt> replace,
        Func<Umsetzungsprojekt, string> show)
    {
        var result = await WriteAsync(command, fingerprint, authorise, before =>
        {
            var projekt = Existing(before);
            EnsureAtMost(size.Count, size.Limit, size.What, size.Setting);
            var next = replace(projekt);
            return Task.FromResult(Decided(before, next, action, (action, show(projekt), show(next))));
        });
        await ScheduleAsync(result.Body);
        return result;
    }

    /// <summary>Each Leistung in the catalogue, each LeiKa key one of theirs.</summary>
    private async Task EnsureLeistungenAsync(UmsetzungsprojektDefinition definition)
    {
        var leikaKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ozgId in definition.OzgIds)
        {
            await CatalogLookup.LeistungAsync(GrainFactory, ozgId);
            var details = await GrainFactory.GetGrain<ILeistungGrain>(ozgId).GetAsync();
            leikaKeys.UnionWith(details.Catalog.LeikaLeistungen.Select(l => l.Key));
        }

        if (definition.LeikaKeys.FirstOrDefault(key => !leikaKeys.Contains(key)) is { } unknown)
        {
            throw new NotFoundException(
                $"LeiKa-Leistung {unknown} is not in the catalogue under any of the project's OZG-Leistungen ({FieldChanges.List(definition.OzgIds)}).");
        }
    }

    /// <summary>Adds the project to the indexes of <paramref name="member"/> and removes it from those of <paramref name="notMember"/>.</summary>
    private async Task IndexAsync(IEnumerable<int> member, IEnumerable<int> notMember)
    {
        await Set(UmsetzungsprojektIdSets.Alle).SetAsync(ProjektId, member: true);
        foreach (var ozgId in member)
        {
            await Set(UmsetzungsprojektIdSets.Of(ozgId)).SetAsync(ProjektId, member: true);
        }

        foreach (var ozgId in notMember)
        {
            await Set(UmsetzungsprojektIdSets.Of(ozgId)).SetAsync(ProjektId, member: false);
        }
    }

    private IIdSetGrain Set(string key) => GrainFactory.GetGrain<IIdSetGrain>(key);

    private void EnsureAtMost(int count, int limit, string what, string setting) =>
        LimitChecks.EnsureAtMost(count, limit, $"{Describe()}'s list of {what}", setting);
}

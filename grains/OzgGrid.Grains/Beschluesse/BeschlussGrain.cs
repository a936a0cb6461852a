using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Beschluesse;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Termine;
using OzgGrid.Grains.Abstractions.Themenfelder;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Beschluesse;

public sealed class BeschlussGrain(
    [PersistentState("beschluss", StorageNames.State)] IPersistentState<RecordState<Beschluss, ProgrammeChange>> state,
    VersionedRecords records,
    ProgrammeClock clock,
    IOptions<Limits> limits) : ProgrammeRecordGrain<Beschluss>(state, records, clock, Names), IBeschlussGrain
{
    public static readonly RecordNames Names = new("beschluss", "beschluss-history", "Beschluss");

    /// <summary>Enough for one phase of every Leistung in every Land (557 × 16), and far below what would run for minutes.</summary>
    public const int MaxMilestones = 10_000;

    private string Nummer => this.GetPrimaryKeyString();

    protected override string Describe() => $"Beschluss {Nummer} of the IT-Planungsrat";

    public Task<Recorded<Beschluss>> GetAsync() => Task.FromResult(Require());

    public async Task<Recorded<Beschluss>> RecordAsync(WriteCommand command, Beschluss beschluss)
    {
        var result = await WriteAsync(
            command,
            BeschlussFingerprints.Record(command.ExpectedVersion, beschluss),
            ManagementOnly(command, "record Beschlüsse"),
            async before =>
            {
                if (before is not null && !before.SameAs(beschluss))
                {
                    throw new RuleViolationException($"{Describe()} is recorded already with other content; a Beschluss is not changed once recorded.");
                }

                await ValidateAsync(beschluss);
                await EnsureRoomForMilestonesAsync(beschluss);
                await LimitChecks.EnsureRoomAsync(
                    GrainFactory.GetGrain<IIdSetGrain>(IdSets.Beschluesse), Nummer, limits.Value.Beschluesse, "The list of Beschlüsse", nameof(Limits.Beschluesse));
                return (beschluss, "beschluss", FieldChanges.Between(
                    ("datum", before?.Datum.ToString("yyyy-MM-dd"), beschluss.Datum.ToString("yyyy-MM-dd")),
                    ("titel", before?.Titel, beschluss.Titel),
                    ("text", before?.Text, beschluss.Text),
                    ("prioritaeten", before is null ? null : FieldChanges.List(before.Prioritaeten), FieldChanges.List(beschluss.Prioritaeten)),
                    ("meilensteine", before is null ? null : FieldChanges.List(before.Meilensteine.Select(Describe)), FieldChanges.List(beschluss.Meilensteine.Select(Describe)))));
            });

        // Also on a retry: the list and the milestones may not all have been written when the first attempt failed, and
        // writing them again is harmless.
        await GrainFactory.GetGrain<IIdSetGrain>(IdSets.Beschluesse).SetAsync(Nummer, member: true);
        await SetMilestonesAsync(result.Body, command);
        return result;
    }

    private async Task ValidateAsync(Beschluss beschluss)
    {
        if (beschluss.Datum > Clock.Today)
        {
            throw new InvalidFieldException("datum", $"A Beschluss is recorded once it is made: {beschluss.Datum:yyyy-MM-dd} lies in the future.");
        }

        foreach (var vorgabe in beschluss.Prioritaeten)
        {
            if (vorgabe.OzgId is { } ozgId)
            {
                await CatalogLookup.LeistungAsync(GrainFactory, ozgId);
            }

            if (vorgabe.ThemenfeldId is { } themenfeldId)
            {
                await CatalogLookup.ThemenfeldAsync(GrainFactory, themenfeldId);
            }
        }

        foreach (var vorgabe in beschluss.Meilensteine)
        {
            if (vorgabe.Geplant <= Clock.Today)
            {
                throw new InvalidFieldException("meilensteine.planned_date",
                    $"A milestone must lie in the future: {vorgabe.Geplant:yyyy-MM-dd} is not after today ({Clock.Today:yyyy-MM-dd}).");
            }

            await CatalogLookup.EnsureLeistungenAsync(GrainFactory, vorgabe.OzgIds);
            foreach (var themenfeldId in vorgabe.ThemenfeldIds)
            {
                await CatalogLookup.ThemenfeldAsync(GrainFactory, themenfeldId);
            }
        }

        await EnsureEachMilestoneOnceAsync(beschluss);
    }

    /// <summary>
    /// Each (Leistung, phase, Land) gets one date from a Beschluss, and the milestones it sets stay within what one call
    /// can write: two directives for the same target would leave the date to their order, and a Beschluss for every
    /// phase of every Leistung in every Land would run for minutes.
    /// </summary>
    private async Task EnsureEachMilestoneOnceAsync(Beschluss beschluss)
    {
        var targets = new Dictionary<(int OzgId, Umsetzungsphase Phase, string Land), int>();
        for (var index = 0; index < beschluss.Meilensteine.Length; index++)
        {
            var vorgabe = beschluss.Meilensteine[index];
            foreach (var ozgId in await TargetsAsync(vorgabe))
            {
                foreach (var land in LaenderOf(vorgabe))
                {
                    if (!targets.TryAdd((ozgId, vorgabe.Phase, land), index))
                    {
                        var where = land.Length > 0 ? $" in {land}" : string.Empty;
                        throw new InvalidFieldException($"meilensteine[{index}]",
                            $"meilensteine[{targets[(ozgId, vorgabe.Phase, land)]}] sets {vorgabe.Phase} for OZG-Leistung {ozgId}{where} already; give each target one date.");
                    }
                }
            }

            if (targets.Count > MaxMilestones)
            {
                throw new InvalidFieldException("meilensteine",
                    $"A Beschluss sets at most {MaxMilestones:N0} milestones (a Leistung in a Land for a phase counts once); this one sets more by meilensteine[{index}].");
            }
        }
    }

    /// <summary>
    /// Every Leistung the Beschluss sets milestones on has room for them, asked before the Beschluss is stored: a
    /// Beschluss stored with milestones that one Leistung then refuses could neither be completed nor corrected.
    /// </summary>
    private async Task EnsureRoomForMilestonesAsync(Beschluss beschluss)
    {
        var perLeistung = new Dictionary<int, List<Meilenstein>>();
        foreach (var vorgabe in beschluss.Meilensteine)
        {
            foreach (var ozgId in await TargetsAsync(vorgabe))
            {
                var milestones = perLeistung.TryGetValue(ozgId, out var list) ? list : perLeistung[ozgId] = [];
                milestones.AddRange(LaenderOf(vorgabe).Select(land => new Meilenstein(vorgabe.Phase, land, vorgabe.Geplant, Nummer)));
            }
        }

        await Task.WhenAll(perLeistung.Select(entry => GrainFactory.GetGrain<ITermineGrain>(entry.Key).EnsureRoomForAsync([.. entry.Value])));
    }

    /// <summary>
    /// Sets every milestone of the Beschluss on its Leistungen, each write with a request id of its own derived from the
    /// Beschluss's, so that setting them again (a retry) applies each once.
    /// </summary>
    private async Task SetMilestonesAsync(Beschluss beschluss, WriteCommand command)
    {
        for (var index = 0; index < beschluss.Meilensteine.Length; index++)
        {
            var vorgabe = beschluss.Meilensteine[index];
            var ozgIds = await TargetsAsync(vorgabe);
            var laender = LaenderOf(vorgabe);
            var directive = index;
            await Task.WhenAll(ozgIds.Select(async ozgId =>
            {
                var termine = GrainFactory.GetGrain<ITermineGrain>(ozgId);
                foreach (var land in laender)
                {
                    var milestone = new Meilenstein(vorgabe.Phase, land, vorgabe.Geplant, Nummer);
                    // The caller's own write, so in the caller's request ids: another caller's Beschluss cannot collide with it.
                    var write = command with { RequestId = $"{command.RequestId}/{directive}/{land}", ExpectedVersion = null };
                    await termine.SetMeilensteinAsync(write, milestone);
                }
            }));
        }
    }

    private static string[] LaenderOf(MeilensteinVorgabe vorgabe) =>
        vorgabe.AlleLaender ? [.. LaenderRegister.All.Select(l => l.Kuerzel)] : [vorgabe.Land];

    private async Task<ImmutableSortedSet<int>> TargetsAsync(MeilensteinVorgabe vorgabe)
    {
        var ozgIds = vorgabe.OzgIds;
        foreach (var themenfeldId in vorgabe.ThemenfeldIds)
        {
            var page = await GrainFactory.GetGrain<IThemenfeldGrain>(themenfeldId).QueryLeistungenAsync(new LeistungFilter(), 0, int.MaxValue);
            ozgIds = ozgIds.Union(page.Leistungen.Select(l => l.OzgId));
        }

        return ozgIds;
    }

    private static string Describe(MeilensteinVorgabe vorgabe) =>
        $"{vorgabe.Phase} bis {vorgabe.Geplant:yyyy-MM-dd} für [{FieldChanges.List(vorgabe.OzgIds)}] Themenfelder [{FieldChanges.List(vorgabe.ThemenfeldIds)}] " +
        (vorgabe.AlleLaender ? "in allen Ländern" : vorgabe.Land.Length > 0 ? $"in {vorgabe.Land}" : "gesamt");
}

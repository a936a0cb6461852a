using System.Collections.Immutable;
using System.Globalization;
using OzgGrid.Grains.Abstractions.Catalog;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Reconciliation;
using OzgGrid.Grains.Abstractions.Termine;
using OzgGrid.Grains.Abstractions.Themenfelder;

namespace OzgGrid.Grains.Reconciliation;

/// <summary>
/// Walks the catalogue's Leistungen in batches: has each milestone record check its deadlines (a write as OzgGrid where
/// the overdue milestones it holds are not what its milestones, the Leistung and the clock say), then has the figures
/// grain compare what it counted with the Nachnutzung and milestone records, and finally recount its figures.
/// </summary>
internal sealed class ProgrammeRecordsReconciliation(IGrainFactory grains, int batchSize)
{
    private readonly ImmutableArray<Correction>.Builder _overdue = ImmutableArray.CreateBuilder<Correction>();
    private readonly ImmutableArray<Correction>.Builder _efaCounted = ImmutableArray.CreateBuilder<Correction>();
    private readonly ImmutableArray<Correction>.Builder _overdueCounted = ImmutableArray.CreateBuilder<Correction>();
    private int _milestoneRecords;
    private int _nachnutzungRecords;
    private int _withMilestones;

    private IProgrammeFiguresGrain Figures => grains.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key);

    public async Task<ImmutableArray<DerivedValueCheck>> RunAsync()
    {
        foreach (var themenfeldId in await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).GetThemenfeldIdsAsync())
        {
            var themenfeld = grains.GetGrain<IThemenfeldGrain>(themenfeldId);
            var after = 0;
            while ((await themenfeld.QueryLeistungenAsync(new LeistungFilter(), after, batchSize)).Leistungen is { IsEmpty: false } page)
            {
                await CheckAsync([.. page.Select(leistung => leistung.OzgId)]);
                after = page[^1].OzgId;
            }
        }

        // Figures moved by deltas: the count from scratch puts right what no single entry shows.
        var recount = await Figures.RecountFiguresAsync();
        _efaCounted.AddRange(recount.Where(c => c.Subject.StartsWith("efa/", StringComparison.Ordinal)));
        _overdueCounted.AddRange(recount.Where(c => !c.Subject.StartsWith("efa/", StringComparison.Ordinal)));
        return
        [
            new(DerivedValueKind.Ueberfaellig, _withMilestones, _overdue.ToImmutable()),
            new(DerivedValueKind.EfaFigures, _nachnutzungRecords, _efaCounted.ToImmutable()),
            new(DerivedValueKind.UeberfaelligFigures, _milestoneRecords, _overdueCounted.ToImmutable()),
        ];
    }

    private async Task CheckAsync(int[] ozgIds)
    {
        var termine = await Task.WhenAll(ozgIds.Select(CheckDeadlinesAsync));
        var nachnutzung = await Task.WhenAll(ozgIds.Select(ozgId => grains.GetGrain<INachnutzungGrain>(ozgId).GetAsync()));

        // Version 0: no record, so nothing counted from it.
        ImmutableArray<Recorded<UeberfaelligeLeistung>> overdue =
        [
            .. termine.Where(recorded => recorded.Version > 0).Select(recorded => new Recorded<UeberfaelligeLeistung>(
                new UeberfaelligeLeistung(recorded.Body.OzgId, recorded.Body.ThemenfeldId, recorded.Body.Ueberfaellig), recorded.Version, recorded.LastChange)),
        ];
        ImmutableArray<Recorded<EfaNachnutzung>> efa = [.. nachnutzung.Where(recorded => recorded.Version > 0)];
        _milestoneRecords += overdue.Length;
        _nachnutzungRecords += efa.Length;
        _overdueCounted.AddRange(await Figures.ReconcileUeberfaelligAsync(overdue));
        _efaCounted.AddRange(await Figures.ReconcileNachnutzungAsync(efa));
    }

    /// <summary>The milestone record after its deadlines were checked; a record without milestones has none to check.</summary>
    private async Task<Recorded<LeistungTermine>> CheckDeadlinesAsync(int ozgId)
    {
        var record = grains.GetGrain<ITermineGrain>(ozgId);
        var before = await record.GetAsync();
        if (before.Body.Meilensteine.IsEmpty)
        {
            return before;
        }

        // The calls of a batch interleave on the grain's one thread: no lock needed for the counts.
        var after = await record.CheckDeadlinesAsync();
        _withMilestones++;
        if (!after.Body.Ueberfaellig.SequenceEqual(before.Body.Ueberfaellig))
        {
            _overdue.Add(new Correction(ozgId.ToString(CultureInfo.InvariantCulture), List(before.Body.Ueberfaellig), List(after.Body.Ueberfaellig)));
        }

        return after;
    }

    private static string List(ImmutableArray<Meilenstein> meilensteine) => meilensteine.IsEmpty ? "none" : string.Join("; ", meilensteine);
}

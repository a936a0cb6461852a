using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OzgGrid.Grains.Abstractions.Catalog;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Themenfelder;

namespace OzgGrid.Grains.Catalog;

/// <summary>
/// Loads catalogue data into the Themenfeld and Leistung grains. Only catalogue fields change, never status or
/// ownership, so an import can be repeated at any time.
/// </summary>
public sealed class CatalogImporter(
    IGrainFactory grains, IOptions<CatalogOptions> options, TimeProvider clock, ILogger<CatalogImporter> logger)
{
    /// <summary>Leistungen imported at once: enough to keep storage busy without flooding it.</summary>
    private const int ParallelLeistungImports = 16;

    /// <summary>Imports the catalogue shipped with OzgGrid (see <see cref="CatalogOptions"/>).</summary>
    public Task<CatalogImportReport> ImportShippedAsync(WriteCommand command, CancellationToken cancellationToken) =>
        ImportAsync(CatalogCsvReader.ReadDirectory(options.Value.ResolveDirectory()), command, cancellationToken);

    public async Task<CatalogImportReport> ImportAsync(CatalogData data, WriteCommand command, CancellationToken cancellationToken)
    {
        var catalog = grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key);
        if (await catalog.GetLastImportAsync() is { } last && last.Stamp.RequestId == command.RequestId)
        {
            return last;
        }

        var stamp = new ChangeStamp(command.ChangedBy, clock.GetUtcNow(), command.RequestId);

        // Themenfelder first, so that each knows its members before the Leistungen report to it.
        await Task.WhenAll(data.Themenfelder.Select(entry =>
            grains.GetGrain<IThemenfeldGrain>(entry.ThemenfeldId)
                .ImportAsync(entry, data.KnownFederfuehrungen.GetValueOrDefault(entry.ThemenfeldId), stamp)));

        var outcomes = new ConcurrentBag<CatalogImportOutcome>();
        await Parallel.ForEachAsync(
            data.Leistungen,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelLeistungImports, CancellationToken = cancellationToken },
            async (entry, _) => outcomes.Add(await grains.GetGrain<ILeistungGrain>(entry.OzgId).ImportAsync(entry, stamp)));

        var report = new CatalogImportReport(
            stamp,
            data.Themenfelder.Length,
            data.LagenCount,
            data.Leistungen.Length,
            data.LeikaLeistungenCount,
            data.LeikaLeistungenWithoutKey,
            data.LeikaTypCounts,
            outcomes.Count(o => o == CatalogImportOutcome.Created),
            outcomes.Count(o => o == CatalogImportOutcome.Changed),
            outcomes.Count(o => o == CatalogImportOutcome.Unchanged),
            data.Findings,
            [.. data.Themenfelder.Select(t => t.ThemenfeldId)]);
        await catalog.RecordImportAsync(report);

        logger.LogInformation(
            "Catalogue imported by {ChangedBy}: {Themenfelder} Themenfelder, {Leistungen} Leistungen " +
            "({Created} new, {Changed} changed, {Unchanged} unchanged), {Findings} findings",
            stamp.ChangedBy, report.Themenfelder, report.Leistungen, report.LeistungenCreated, report.LeistungenChanged,
            report.LeistungenUnchanged, report.Findings.Length);
        return report;
    }
}

using Orleans.Concurrency;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;

namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>
/// One OZG-Leistung, keyed by its OZG-ID. Every accepted write is persisted before it is answered,
/// raises the version by one and is recorded in the history.
/// </summary>
public interface ILeistungGrain : IGrainWithIntegerKey
{
    /// <exception cref="NotFoundException">The OZG-ID is not in the catalogue.</exception>
    Task<LeistungDetails> GetAsync();

    /// <summary>Null while the Leistung is not in the catalogue. Interleaves: it only reads, and indexes call it.</summary>
    [AlwaysInterleave]
    Task<LeistungSummary?> GetSummaryAsync();

    /// <summary>Changes newest first, starting below <paramref name="beforeVersion"/> (null: from the newest).</summary>
    Task<ChangePage> GetChangesAsync(long? beforeVersion, int limit);

    /// <summary>The status the Leistung had at <paramref name="moment"/>; null if it was not in the catalogue yet.</summary>
    Task<LeistungAsOf?> GetAsOfAsync(DateTimeOffset moment);

    Task<LeistungWriteResult> UpdateStatusAsync(WriteCommand command, LeistungStatusUpdate update);

    Task<LeistungWriteResult> SetZustaendigkeitAsync(WriteCommand command, Zustaendigkeit zustaendigkeit);

    /// <summary>Takes the catalogue's data for this Leistung; status and ownership stay as they are.</summary>
    Task<CatalogImportOutcome> ImportAsync(LeistungCatalogEntry entry, ChangeStamp stamp);

    /// <summary>
    /// The Leistung has milestones now, so a setback of its status has them rechecked. Interleaves: the milestone
    /// record calls it while the Leistung may be waiting for that record.
    /// </summary>
    [AlwaysInterleave]
    Task OnMilestonesSetAsync();
}

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
    /// <summary>Reads (this and the three below) serve the persisted state and interleave with a write under way.</summary>
    /// <exception cref="NotFoundException">The OZG-ID is not in the catalogue.</exception>
    [AlwaysInterleave]
    Task<LeistungDetails> GetAsync();

    /// <summary>Null while the Leistung is not in the catalogue.</summary>
    [AlwaysInterleave]
    Task<LeistungSummary?> GetSummaryAsync();

    /// <summary>Changes newest first, starting below <paramref name="beforeVersion"/> (null: from the newest).</summary>
    [AlwaysInterleave]
    Task<ChangePage> GetChangesAsync(long? beforeVersion, int limit);

    /// <summary>The status the Leistung had at <paramref name="moment"/>; null if it was not in the catalogue yet.</summary>
    [AlwaysInterleave]
    Task<LeistungAsOf?> GetAsOfAsync(DateTimeOffset moment);

    Task<LeistungWriteResult> UpdateStatusAsync(WriteCommand command, LeistungStatusUpdate update);

    Task<LeistungWriteResult> SetZustaendigkeitAsync(WriteCommand command, Zustaendigkeit zustaendigkeit);

    /// <summary>Takes the catalogue's data for this Leistung; status and ownership stay as they are.</summary>
    Task<CatalogImportOutcome> ImportAsync(LeistungCatalogEntry entry, ChangeStamp stamp);

    /// <summary>
    /// An Onlinedienst tells its levels after each commit (one way); an older version than the last one taken is
    /// ignored. The Reifegrad follows through the Leistung's write path as OzgGrid.
    /// </summary>
    [OneWay]
    Task OnOnlinedienstAsync(string onlinedienstId, OnlinedienstStufen stufen);

    /// <summary>The repair of a lost <see cref="OnOnlinedienstAsync"/>: takes the levels, and says what it corrected.</summary>
    Task<Reconciliation.Correction?> ReconcileOnlinedienstAsync(string onlinedienstId, OnlinedienstStufen stufen);

    /// <summary>
    /// Its milestone record tells whether it has milestones, so that the Leistung tells it of phase and Verfügbarkeit
    /// changes only while it has. One-way: the milestone record never waits on the Leistung.
    /// </summary>
    [OneWay]
    Task OnMilestonesKnownAsync(bool hasMilestones);
}

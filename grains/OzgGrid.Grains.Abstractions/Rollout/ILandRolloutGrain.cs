using System.Collections.Immutable;
using Orleans.Concurrency;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Reconciliation;

namespace OzgGrid.Grains.Abstractions.Rollout;

/// <summary>
/// The rollout of one Leistung in one Land, keyed "{ozgId}/{land kürzel}" (see <see cref="RolloutKeys"/>): the write path
/// for its Kommunen' entries, their count, and the Land's derived Verfügbarkeit, which it writes into the Leistung's
/// status whenever it changes.
/// </summary>
public interface ILandRolloutGrain : IGrainWithStringKey, IProgrammeRecordGrain
{
    /// <summary>
    /// Applies each report to its entry and counts it; one outcome per report, in order. Entry <c>i</c> is written under
    /// the request id "{command.RequestId}/{ags}", so a retried call applies each entry once.
    /// </summary>
    /// <exception cref="NotFoundException">The Leistung is not in the catalogue.</exception>
    /// <exception cref="AccessDeniedException">An IT-Dienstleister not assigned to the Leistung or not serving the Land.</exception>
    Task<ImmutableArray<RolloutOutcome>> ReportAsync(WriteCommand command, ImmutableArray<RolloutReport> reports);

    /// <summary>Derives the Land's Verfügbarkeit again after the register changed, and writes it into the Leistung if it changed.</summary>
    [OneWay]
    Task RecountAsync(string changedBy);

    /// <summary>
    /// Derives the Land's Verfügbarkeit from the entries and the register now and writes it into the Leistung (as
    /// OzgGrid) where it differs from the value written last; what the periodic reconciliation calls.
    /// </summary>
    /// <returns>The correction made; null when the value was right (or its write failed and is being retried).</returns>
    Task<Correction?> ReconcileAsync(string changedBy);

    /// <summary>The derived Verfügbarkeit, the counts, and up to <paramref name="limit"/> entries after <paramref name="afterAgs"/>.</summary>
    /// <exception cref="NotFoundException">The Leistung is not in the catalogue.</exception>
    Task<LandRollout> GetAsync(string? afterAgs, int limit);

    /// <summary>
    /// Sets which Kommunen of the Land are responsible for the Leistung (only they count towards the Land's
    /// Verfügbarkeit) and writes the Verfügbarkeit that follows into the Leistung.
    /// </summary>
    /// <exception cref="NotFoundException">The Leistung is not in the catalogue, or a listed AGS not in the Land's register.</exception>
    /// <exception cref="AccessDeniedException">An IT-Dienstleister not assigned to the Leistung or not serving the Land.</exception>
    Task<Recorded<ZustaendigeKommunen>> SetZustaendigeKommunenAsync(WriteCommand command, ZustaendigeKommunen zustaendige);

    /// <summary>The responsible Kommunen as recorded; null when never set (then every registered Kommune is).</summary>
    /// <exception cref="NotFoundException">The Leistung is not in the catalogue.</exception>
    Task<Recorded<ZustaendigeKommunen>?> GetZustaendigeKommunenAsync();

    /// <summary>
    /// The responsible Kommunen and the Kommunen online, for the Anschluss forecast: one call instead of the responsible
    /// Kommunen and every page of the entries.
    /// </summary>
    /// <exception cref="NotFoundException">The Leistung is not in the catalogue.</exception>
    Task<RolloutOnline> GetOnlineAsync();
}

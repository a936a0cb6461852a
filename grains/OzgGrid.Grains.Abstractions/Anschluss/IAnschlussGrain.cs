using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Reconciliation;

namespace OzgGrid.Grains.Abstractions.Anschluss;

/// <summary>
/// The Anschluss checklists of one Onlinedienst in one Land (key: <see cref="AnschlussKeys.Of"/>), one record for all the
/// Land's Kommunen so that progress per Land and Kreis is a local count. Written by the programme management or by the
/// Onlinedienst's Anbieter in a Land it serves.
/// </summary>
public interface IAnschlussGrain : IGrainWithStringKey, IProgrammeRecordGrain
{
    /// <summary>Most items one call may set or clear.</summary>
    public const int MaxAenderungen = 1_000;

    /// <summary>The record; null when no item was ever set.</summary>
    /// <exception cref="NotFoundException">The Onlinedienst is not registered.</exception>
    Task<Recorded<LandAnschluss>?> GetAsync();

    /// <summary>Sets and clears items of Kommunen of the Land, all in one new version.</summary>
    /// <exception cref="NotFoundException">The Onlinedienst is not registered, or a Kommune not in the Land's register.</exception>
    /// <exception cref="AccessDeniedException">An IT-Dienstleister that is not the Anbieter, or does not serve the Land.</exception>
    /// <exception cref="RuleViolationException">A Kommune outside the Onlinedienst's Einsatzgebiet.</exception>
    Task<Recorded<LandAnschluss>> SetAsync(WriteCommand command, ImmutableArray<AnschlussAenderung> aenderungen);

    /// <summary>Records which Kommunen are overdue as of today, as OzgGrid; what the deadline reminder calls.</summary>
    Task CheckFristenAsync();

    /// <summary>
    /// Reports the confirmed Go-Lives not yet reported into the Land rollouts now, as OzgGrid: what the reconciliation
    /// and the silo's retry call. Checked: the Kommunen online in the record; corrected: those reported by this call.
    /// </summary>
    Task<DerivedValueCheck> ReportGoLivesAsync();
}

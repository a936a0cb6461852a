using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Reifegradmodelle;

namespace OzgGrid.Grains.Abstractions.Onlinedienste;

/// <summary>
/// One Onlinedienst (key: its id, e.g. "kita-portal-sh"). Written by the programme management or by the IT-Dienstleister
/// that offers it (its Anbieter, as an organisation); another IT-Dienstleister is refused.
/// </summary>
public interface IOnlinedienstGrain : IGrainWithStringKey, IProgrammeRecordGrain
{
    /// <exception cref="NotFoundException">No Onlinedienst with this id is registered.</exception>
    Task<Recorded<Onlinedienst>> GetAsync();

    /// <summary>Registers the Onlinedienst or changes its name, URL and Anbieter (a registered IT-Dienstleister).</summary>
    Task<Recorded<Onlinedienst>> RegisterAsync(WriteCommand command, string name, string url, string anbieterId);

    Task<Recorded<Onlinedienst>> SetDetailsAsync(WriteCommand command, OnlinedienstDetails details);

    /// <summary>
    /// Rates the pair (this Onlinedienst, the LeiKa-Leistung <paramref name="leikaKey"/>) by one model, replacing that
    /// model's rating; the first rating of a pair records that the Onlinedienst implements the Leistung.
    /// </summary>
    /// <exception cref="NotFoundException">The key is not a LeiKa-Leistung of the catalogue.</exception>
    Task<Recorded<Onlinedienst>> RateAsync(WriteCommand command, string leikaKey, ReifegradModellVersion modell, ImmutableSortedDictionary<string, int> bewertung);

    /// <summary>Replaces where the Onlinedienst is in use.</summary>
    Task<Recorded<Onlinedienst>> SetEinsatzgebietAsync(WriteCommand command, ImmutableArray<EinsatzImLand> einsatzgebiet);

    Task<Recorded<Onlinedienst>> PublishAsync(WriteCommand command, bool veroeffentlicht);

    /// <summary>
    /// Tells each of its OZG-Leistungen its levels again and waits for them: the repair of a lost message (checked: its
    /// Leistungen; none for an id not registered).
    /// </summary>
    Task<Reconciliation.DerivedValueCheck> ReconcileReifegradAsync();
}

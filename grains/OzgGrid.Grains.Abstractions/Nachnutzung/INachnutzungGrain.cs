using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.Abstractions.Nachnutzung;

/// <summary>The EfA-Nachnutzung of one OZG-Leistung (key: OZG-ID). Written by the programme management.</summary>
public interface INachnutzungGrain : IGrainWithIntegerKey, IProgrammeRecordGrain
{
    /// <summary>The Nachnutzung as recorded; an EfA-Leistung nobody has recorded yet has no Umsetzungsland and no Nachnutzer.</summary>
    /// <exception cref="NotFoundException">The OZG-ID is not in the catalogue.</exception>
    Task<Recorded<EfaNachnutzung>> GetAsync();

    Task<Recorded<EfaNachnutzung>> SetUmsetzungslandAsync(WriteCommand command, string land);

    /// <param name="overrideByManagement">Allows a transition that skips states; recorded in the history as an override.</param>
    Task<Recorded<EfaNachnutzung>> SetZustandAsync(WriteCommand command, string land, NachnutzungZustand zustand, bool overrideByManagement);
}

using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.Abstractions.Komponenten;

/// <summary>
/// One reusable component (key: its id, e.g. "nutzerkonto-bund"). Written by the programme management, or by an
/// IT-Dienstleister taking part in the lab the component belongs to.
/// </summary>
public interface IKomponenteGrain : IGrainWithStringKey, IProgrammeRecordGrain
{
    /// <exception cref="NotFoundException">No component with this id is registered.</exception>
    Task<Recorded<Komponente>> GetAsync();

    /// <summary>Registers the component or changes its name, kind, description and lab.</summary>
    Task<Recorded<Komponente>> RegisterAsync(WriteCommand command, string name, KomponenteArt art, string beschreibung, string laborId);

    /// <summary>Records that a Leistung uses the component (<paramref name="used"/>) or no longer does.</summary>
    Task<Recorded<Komponente>> SetUsedByAsync(WriteCommand command, int ozgId, bool used);
}

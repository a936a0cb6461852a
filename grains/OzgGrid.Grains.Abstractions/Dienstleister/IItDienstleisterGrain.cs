using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;

namespace OzgGrid.Grains.Abstractions.Dienstleister;

/// <summary>One IT-Dienstleister of the registry, keyed by its id ("dataport").</summary>
public interface IItDienstleisterGrain : IGrainWithStringKey
{
    /// <exception cref="NotFoundException">No IT-Dienstleister is registered under this id.</exception>
    Task<ItDienstleister> GetAsync();

    /// <summary>Null while not registered; cheap, for authorization on every write.</summary>
    Task<ItDienstleister?> FindAsync();

    /// <summary>Registers the IT-Dienstleister, or replaces its registration.</summary>
    Task<ItDienstleister> RegisterAsync(WriteCommand command, ItDienstleisterRegistration registration);

    /// <summary>
    /// Deactivates the IT-Dienstleister (its tokens are refused from now on) or reactivates it; the same state again
    /// changes nothing.
    /// </summary>
    /// <exception cref="NotFoundException">No IT-Dienstleister is registered under this id.</exception>
    Task<ItDienstleister> SetDeactivatedAsync(WriteCommand command, bool deactivated);
}

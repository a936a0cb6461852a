using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Onlinedienste;

namespace OzgGrid.Grains.Abstractions.Nutzung;

/// <summary>
/// Who may import usage figures of an Onlinedienst in a Land. The usage record checks it at each write; the gateway checks
/// every record of an import before the first is written, so that a refused import writes nothing.
/// </summary>
public static class NutzungImportRules
{
    /// <summary>The programme management; an IT-Dienstleister only as the Onlinedienst's Anbieter in a Land it serves.</summary>
    /// <exception cref="AccessDeniedException">Any other IT-Dienstleister, or the Anbieter in a Land it does not serve.</exception>
    public static void EnsureMayImport(ItDienstleisterScope? scope, string land, Onlinedienst dienst)
    {
        if (scope is null)
        {
            return;
        }

        if (scope.ItDienstleisterId != dienst.AnbieterId)
        {
            throw new AccessDeniedException(
                $"IT-Dienstleister '{scope.ItDienstleisterId}' may import usage only of the Onlinedienste it offers (as Anbieter); '{dienst.OnlinedienstId}' is not one of them.");
        }

        if (!scope.Laender.Contains(land))
        {
            throw new AccessDeniedException(
                $"IT-Dienstleister '{scope.ItDienstleisterId}' may import usage only in the Länder it serves ({string.Join(", ", scope.Laender)}); not in {land}.");
        }
    }
}

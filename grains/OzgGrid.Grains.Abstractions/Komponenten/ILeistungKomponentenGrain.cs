using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Komponenten;

/// <summary>
/// Which components one Leistung uses (key: OZG-ID): the reverse of <see cref="Komponente.OzgIds"/>, kept by the
/// component grains so that the question is answered without asking every component.
/// </summary>
public interface ILeistungKomponentenGrain : IGrainWithIntegerKey
{
    Task<ImmutableSortedSet<string>> GetAsync();

    Task SetAsync(string komponenteId, bool used);
}

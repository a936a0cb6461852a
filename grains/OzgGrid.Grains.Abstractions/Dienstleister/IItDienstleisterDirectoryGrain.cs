using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Dienstleister;

/// <summary>The ids of all registered IT-Dienstleister (one grain, key <see cref="Key"/>).</summary>
public interface IItDienstleisterDirectoryGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    Task<ImmutableSortedSet<string>> ListIdsAsync();

    Task AddAsync(string id);
}

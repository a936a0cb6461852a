using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Beschluesse;

/// <summary>The numbers of all recorded Beschlüsse (one grain, key <see cref="Key"/>), for lists.</summary>
public interface IBeschlussDirectoryGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    Task<ImmutableSortedSet<string>> ListAsync();

    Task AddAsync(string nummer);
}

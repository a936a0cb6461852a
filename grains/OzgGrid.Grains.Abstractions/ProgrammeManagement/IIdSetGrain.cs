using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.ProgrammeManagement;

/// <summary>
/// A persisted set of record ids (key: what it indexes, see <see cref="IdSets"/>), so that a list or a reverse
/// question is answered without asking every record: the components of a Leistung, the labs of a Themenfeld, all Beschlüsse.
/// </summary>
public interface IIdSetGrain : IGrainWithStringKey
{
    Task<ImmutableSortedSet<string>> GetAsync();

    /// <summary>Adds (<paramref name="member"/>) or removes the id; doing so again changes nothing.</summary>
    Task SetAsync(string id, bool member);
}

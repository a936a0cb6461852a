using System.Collections.Immutable;

namespace OzgGrid.Grains.ProgrammeManagement;

[GenerateSerializer, Alias("ozg.IdSetState")]
public sealed record IdSetState
{
    [Id(0)]
    public ImmutableSortedSet<string> Ids { get; init; } = [];
}

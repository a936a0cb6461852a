using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Leistungen;

/// <summary>Accepted changes of a Leistung, oldest first: one page of its history (or, in the first releases, all of it).</summary>
[GenerateSerializer, Alias("ozg.LeistungHistory")]
public sealed record LeistungHistory
{
    [Id(0)]
    public ImmutableList<ChangeRecord> Changes { get; init; } = [];
}

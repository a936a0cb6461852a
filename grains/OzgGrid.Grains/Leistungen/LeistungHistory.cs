using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Leistungen;

/// <summary>Every accepted change of a Leistung, oldest first.</summary>
[GenerateSerializer, Alias("ozg.LeistungHistory")]
public sealed record LeistungHistory
{
    [Id(0)]
    public ImmutableList<ChangeRecord> Changes { get; init; } = [];
}

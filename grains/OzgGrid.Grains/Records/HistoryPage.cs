using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Records;

/// <summary>
/// One sealed page of a record's history, oldest first. Its changes are stored as the record's state held them while
/// they were unsealed, each encoded once when it was made (<see cref="UnsealedChanges{TChange}"/>): sealing a page
/// copies their bytes instead of encoding every change again.
/// </summary>
[GenerateSerializer, Alias("ozg.HistoryPage`1")]
public sealed record HistoryPage<TChange>
    where TChange : IRecordedChange
{
    /// <summary>Pages sealed before their changes were stored encoded (<see cref="Encoded"/>); still read.</summary>
    [Id(0)]
    public ImmutableList<TChange>? Decoded { get; init; }

    [Id(1)]
    public UnsealedChanges<TChange>? Encoded { get; init; }

    public ImmutableList<TChange> Changes => Encoded?.ToImmutableList() ?? Decoded ?? [];
}

using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Changes;

namespace OzgGrid.Grains.ProgrammeManagement;

/// <summary>The persisted state of a programme-management record; <see cref="Body"/> is null until its first write.</summary>
[GenerateSerializer, Alias("ozg.ProgrammeRecordState`1")]
public sealed record ProgrammeRecordState<TBody>
    where TBody : class
{
    [Id(0)]
    public TBody? Body { get; init; }

    [Id(1)]
    public long Version { get; init; }

    [Id(2)]
    public ChangeStamp? LastChange { get; init; }

    [Id(3)]
    public ImmutableArray<RecentWrite<Recorded<TBody>>> RecentWrites { get; init; } = [];
}

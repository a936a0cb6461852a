using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Abstractions.Changes;

/// <summary>
/// One accepted change: the version it produced, who made it, which fields it changed and, for a Leistung,
/// its status afterwards (so that the status at any past moment can be read from the history).
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.ChangeRecord")]
public sealed record ChangeRecord(
    [property: Id(0)] long Version,
    [property: Id(1)] ChangeKind Kind,
    [property: Id(2)] ChangeStamp Stamp,
    [property: Id(3)] ImmutableArray<FieldChange> Fields,
    [property: Id(4)] LeistungStatus? StatusAfter = null,
    [property: Id(5)] Zustaendigkeit? ZustaendigkeitAfter = null) : IRecordedChange;

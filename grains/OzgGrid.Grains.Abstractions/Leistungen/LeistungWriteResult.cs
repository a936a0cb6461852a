using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>The answer to an accepted write; a retry with the same request id gets this very answer again.</summary>
[GenerateSerializer, Immutable, Alias("ozg.LeistungWriteResult")]
public sealed record LeistungWriteResult(
    [property: Id(0)] int OzgId,
    [property: Id(1)] long Version,
    [property: Id(2)] LeistungStatus Status,
    [property: Id(3)] Zustaendigkeit? Zustaendigkeit,
    [property: Id(4)] ChangeStamp LastChange);

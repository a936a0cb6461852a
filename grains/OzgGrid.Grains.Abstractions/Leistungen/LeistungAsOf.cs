using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>A Leistung's status at a past moment: the version it had then and the change that produced it.</summary>
[GenerateSerializer, Immutable, Alias("ozg.LeistungAsOf")]
public sealed record LeistungAsOf(
    [property: Id(0)] LeistungSummary Leistung,
    [property: Id(1)] ChangeStamp Stamp);

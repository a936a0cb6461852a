using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Monitoring;

namespace OzgGrid.Grains.Abstractions.ProgrammeManagement;

/// <summary>
/// What the programme-management figures announce: numbered by <see cref="Sequence"/>, with the figures the event moved
/// (their new values) and a sentence saying what happened.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.ProgrammeEvent")]
public sealed record ProgrammeEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] ProgrammeEventKind Kind,
    [property: Id(2)] int OzgId,
    [property: Id(3)] string Description,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] ImmutableArray<Figure> ChangedFigures);

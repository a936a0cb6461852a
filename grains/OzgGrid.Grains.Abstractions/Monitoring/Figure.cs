namespace OzgGrid.Grains.Abstractions.Monitoring;

/// <summary>One programme figure: a counter key (see <see cref="FigureKeys"/>) and its value.</summary>
[GenerateSerializer, Immutable, Alias("ozg.Figure")]
public sealed record Figure([property: Id(0)] string Key, [property: Id(1)] long Value);

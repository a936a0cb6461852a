namespace OzgGrid.Grains.Abstractions.Changes;

/// <summary>One field a change touched, with its value before and after, as text.</summary>
[GenerateSerializer, Immutable, Alias("ozg.FieldChange")]
public sealed record FieldChange([property: Id(0)] string Field, [property: Id(1)] string Before, [property: Id(2)] string After);

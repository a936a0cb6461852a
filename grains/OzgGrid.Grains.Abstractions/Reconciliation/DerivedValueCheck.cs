using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Reconciliation;

/// <summary>How many values of one kind a reconciliation compared with their source, and which it corrected.</summary>
[GenerateSerializer, Immutable, Alias("ozg.DerivedValueCheck")]
public sealed record DerivedValueCheck(
    [property: Id(0)] DerivedValueKind Kind,
    [property: Id(1)] int Checked,
    [property: Id(2)] ImmutableArray<Correction> Corrected);

namespace OzgGrid.Grains.Abstractions.Beschluesse;

/// <summary>A priority a Beschluss sets for one Leistung (<see cref="OzgId"/>) or one Themenfeld (<see cref="ThemenfeldId"/>).</summary>
[GenerateSerializer, Immutable, Alias("ozg.PrioritaetVorgabe")]
public sealed record PrioritaetVorgabe(
    [property: Id(0)] int? OzgId,
    [property: Id(1)] int? ThemenfeldId,
    [property: Id(2)] Prioritaet Prioritaet);

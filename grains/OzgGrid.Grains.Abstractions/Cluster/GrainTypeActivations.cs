namespace OzgGrid.Grains.Abstractions.Cluster;

/// <summary>How many activations of one grain class a silo holds; <see cref="GrainClass"/> is the class's name.</summary>
[GenerateSerializer, Immutable, Alias("ozg.GrainTypeActivations")]
public sealed record GrainTypeActivations([property: Id(0)] string GrainClass, [property: Id(1)] int Activations);

namespace OzgGrid.Grains.Abstractions.Umsetzungsprojekte;

/// <summary>The FIM-Methodenexperte accompanying a project: a person's name and the organisation they work for.</summary>
[GenerateSerializer, Immutable, Alias("ozg.FimMethodenexperte")]
public sealed record FimMethodenexperte(
    [property: Id(0)] string Name,
    [property: Id(1)] string Organisation)
{
    public override string ToString() => $"{Name} ({Organisation})";
}

namespace OzgGrid.Grains.Abstractions.Onlinedienste;

/// <summary>A specialist procedure an Onlinedienst hands its cases to, with who makes it.</summary>
[GenerateSerializer, Immutable, Alias("ozg.Fachverfahren")]
public sealed record Fachverfahren(
    [property: Id(0)] string Name,
    [property: Id(1)] string Hersteller)
{
    public override string ToString() => $"{Name} ({Hersteller})";
}

namespace OzgGrid.Grains.Abstractions.Onlinedienste;

/// <summary>A user account an Onlinedienst accepts; <see cref="Land"/> (kürzel) only for a Land's account, else empty.</summary>
[GenerateSerializer, Immutable, Alias("ozg.Nutzerkonto")]
public sealed record Nutzerkonto(
    [property: Id(0)] NutzerkontoArt Art,
    [property: Id(1)] string Land)
{
    public override string ToString() => Land.Length > 0 ? $"{Art}:{Land}" : Art.ToString();
}

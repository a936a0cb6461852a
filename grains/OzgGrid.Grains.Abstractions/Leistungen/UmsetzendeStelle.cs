namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>Who implements a Leistung: a Land (by kürzel) or a Bundesressort (by name).</summary>
[GenerateSerializer, Immutable, Alias("ozg.UmsetzendeStelle")]
public sealed record UmsetzendeStelle([property: Id(0)] UmsetzendeStelleArt Art, [property: Id(1)] string Name)
{
    public override string ToString() => $"{Art}:{Name}";
}

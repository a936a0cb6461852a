namespace OzgGrid.Grains.Abstractions.Umsetzungsprojekte;

/// <summary>An organisation taking part in an Umsetzungsprojekt, with its role.</summary>
[GenerateSerializer, Immutable, Alias("ozg.Beteiligung")]
public sealed record Beteiligung(
    [property: Id(0)] Organisation Organisation,
    [property: Id(1)] BeteiligungRolle Rolle)
{
    public override string ToString() => $"{Organisation} ({Rolle})";
}

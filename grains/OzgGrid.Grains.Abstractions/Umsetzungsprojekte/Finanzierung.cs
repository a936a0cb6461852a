namespace OzgGrid.Grains.Abstractions.Umsetzungsprojekte;

/// <summary>One source of a project's money: the programme paying (e.g. "Konjunkturpaket"), the amount in euro cents, its status.</summary>
[GenerateSerializer, Immutable, Alias("ozg.Finanzierung")]
public sealed record Finanzierung(
    [property: Id(0)] string Programm,
    [property: Id(1)] long BetragCent,
    [property: Id(2)] FinanzierungStatus Status)
{
    public override string ToString() => $"{Programm}: {BetragCent} ct ({Status})";
}

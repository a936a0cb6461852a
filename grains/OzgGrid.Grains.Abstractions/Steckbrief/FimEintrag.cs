namespace OzgGrid.Grains.Abstractions.Steckbrief;

/// <summary>One FIM building block of a Leistung: its FIM id (e.g. "S00000092"), its version ("1.2") and status.</summary>
[GenerateSerializer, Immutable, Alias("ozg.FimEintrag")]
public sealed record FimEintrag(
    [property: Id(0)] string FimId,
    [property: Id(1)] string Version,
    [property: Id(2)] FimStatus Status)
{
    public override string ToString() => $"{FimId} {Version} {Status}";
}

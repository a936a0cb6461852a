namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>
/// What an Onlinedienst at <see cref="Version"/> tells an OZG-Leistung: its highest model-1.1 and model-2.0 level among
/// its pairs with the Leistung's LeiKa-Leistungen; both null while it does not count (unpublished, in use nowhere, or no
/// longer implementing the Leistung).
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.OnlinedienstStufen")]
public sealed record OnlinedienstStufen(
    [property: Id(0)] long Version,
    [property: Id(1)] int? Stufe11,
    [property: Id(2)] int? Stufe20)
{
    public bool Zaehlt => Stufe11 is not null;

    public bool SameLevels(OnlinedienstStufen other) => Stufe11 == other.Stufe11 && Stufe20 == other.Stufe20;

    public override string ToString() => Zaehlt ? $"1.1={Stufe11} 2.0={Stufe20} (v{Version})" : $"zählt nicht (v{Version})";
}

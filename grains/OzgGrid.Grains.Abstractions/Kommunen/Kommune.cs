namespace OzgGrid.Grains.Abstractions.Kommunen;

/// <summary>
/// A Kommune (Gemeinde) of a Land's register: its AGS (8 digits, the first two the Land's code, the first five its Kreis,
/// see <see cref="Kommunen.Ags.KreisOf"/>), its name, where these come from, the name of its Kreis, its ARS (12 digits,
/// empty when not known) and population. Kept flat and small: a register holds up to 3,000 of them.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.Kommune")]
public sealed record Kommune(
    [property: Id(0)] string Ags,
    [property: Id(1)] string Name,
    [property: Id(2)] KommuneSource Source,
    [property: Id(3)] string KreisName = "",
    [property: Id(4)] string Ars = "",
    [property: Id(5)] int Einwohner = 0);

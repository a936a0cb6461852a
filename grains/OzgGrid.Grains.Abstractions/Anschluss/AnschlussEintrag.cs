namespace OzgGrid.Grains.Abstractions.Anschluss;

/// <summary>One checklist item as set: its value (see <see cref="AnschlussSchritt"/> for the form), who set it and when.</summary>
[GenerateSerializer, Immutable, Alias("ozg.AnschlussEintrag")]
public sealed record AnschlussEintrag(
    [property: Id(0)] string Wert,
    [property: Id(1)] string GesetztVon,
    [property: Id(2)] DateTimeOffset GesetztAm);

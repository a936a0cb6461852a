namespace OzgGrid.Grains.Abstractions.Labore;

/// <summary>
/// A participant of a lab: its kind, its key (Bundesressort name, Land kürzel, AGS of the Kommune, registered
/// IT-Dienstleister id) and its role in the lab (e.g. "Recht", "IT-Architektur", "Organisation").
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.LaborTeilnehmer")]
public sealed record LaborTeilnehmer(
    [property: Id(0)] TeilnehmerArt Art,
    [property: Id(1)] string Kennung,
    [property: Id(2)] string Rolle)
{
    public override string ToString() => $"{Art}:{Kennung} ({Rolle})";
}

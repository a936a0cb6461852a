namespace OzgGrid.Grains.Abstractions.Umsetzungsprojekte;

/// <summary>An organisation by its kind and key: an IT-Dienstleister id, a Land kürzel or a Bundesressort name.</summary>
[GenerateSerializer, Immutable, Alias("ozg.Organisation")]
public sealed record Organisation(
    [property: Id(0)] OrganisationArt Art,
    [property: Id(1)] string Kennung)
{
    /// <summary>True when this organisation is the IT-Dienstleister <paramref name="itDienstleisterId"/>.</summary>
    public bool IsItDienstleister(string itDienstleisterId) => Art == OrganisationArt.ItDienstleister && Kennung == itDienstleisterId;

    public override string ToString() => $"{Art}:{Kennung}";
}

namespace OzgGrid.Grains.Abstractions.Umsetzungsprojekte;

/// <summary>How the project stands to "Einer für Alle": it reuses another Land's service, builds one, or neither.</summary>
public enum EfaTyp
{
    NachnutzungInKlaerung = 1,
    NachnutzungSicher = 2,
    EntwicklungLand = 3,
    EntwicklungDienstleister = 4,
    EntwicklungInKlaerung = 5,
    KeinEfa = 6,
}

namespace OzgGrid.Grains.Abstractions.Leistungen;

/// <summary>What importing its catalogue entry did to a Leistung.</summary>
public enum CatalogImportOutcome
{
    Created = 1,
    Changed = 2,
    Unchanged = 3,
}

namespace OzgGrid.Grains.Catalog;

/// <summary>Where the shipped catalogue lives and whether a silo loads it on first start (section OzgGrid:Catalog).</summary>
public sealed class CatalogOptions
{
    public const string Section = "OzgGrid:Catalog";

    /// <summary>The folder with the catalogue CSV files; empty means data/catalog beside the program.</summary>
    public string Directory { get; set; } = string.Empty;

    /// <summary>Import the catalogue when a silo starts and none has been imported yet.</summary>
    public bool ImportOnFirstStart { get; set; } = true;

    public string ResolveDirectory() =>
        string.IsNullOrWhiteSpace(Directory) ? Path.Combine(AppContext.BaseDirectory, "data", "catalog") : Path.GetFullPath(Directory);
}

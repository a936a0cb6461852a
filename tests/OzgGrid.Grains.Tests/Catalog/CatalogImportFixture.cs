using OzgGrid.Grains.Abstractions.Catalog;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Catalog;

namespace OzgGrid.Grains.Tests.Catalog;

/// <summary>
/// A cluster of its own with the shipped catalogue imported once: the import uses the real keys
/// (OZG-IDs 10000–10601, Themenfelder 1–14), which no other test may touch.
/// </summary>
public sealed class CatalogImportFixture : IAsyncLifetime
{
    public const string FirstImportBy = "programm-management";

    private readonly ClusterFixture _cluster = new();
    private CatalogImportReport? _firstImport;

    public ClusterFixture Cluster => _cluster;

    public IGrainFactory Grains => _cluster.Grains;

    public CatalogImporter Importer => _cluster.GetSiloService<CatalogImporter>();

    /// <summary>The report of the first import into the empty cluster.</summary>
    public CatalogImportReport FirstImport => _firstImport ?? throw new InvalidOperationException("The catalogue is not imported.");

    public async Task InitializeAsync()
    {
        await _cluster.InitializeAsync();
        _firstImport = await Importer.ImportShippedAsync(
            new WriteCommand($"first-import-{Guid.NewGuid()}", ExpectedVersion: null, FirstImportBy), CancellationToken.None);
    }

    public Task DisposeAsync() => _cluster.DisposeAsync();
}

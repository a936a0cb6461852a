using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>
/// A host of its own for reconciliation tests: its figures are corrupted on purpose. The aggregator's own recount
/// timer is pushed out of the way, so that only the reconciliation under test repairs anything.
/// </summary>
public abstract class ReconciliationHost(string period) : IAsyncLifetime
{
    private readonly Queue<int> _freeOzgIds = new();
    private TestHost? _host;

    public TestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(
            ClusterScope.CreateNew(),
            $"--OzgGrid:Reconciliation:Period={period}",
            "--OzgGrid:Monitoring:FirstReconciliationDelay=01:00:00",
            "--OzgGrid:Monitoring:ReconciliationInterval=01:00:00");
        var page = await new LeistungService.LeistungServiceClient(Host.Channel).ListLeistungenAsync(new ListLeistungenRequest { PageSize = 100 });
        foreach (var leistung in page.Leistungen.Where(l => l.OzgId != KnownData.ElterngeldOzgId))
        {
            _freeOzgIds.Enqueue(leistung.OzgId);
        }
    }

    /// <summary>A Leistung no other test of the host uses.</summary>
    public int TakeOzgId()
    {
        lock (_freeOzgIds)
        {
            return _freeOzgIds.Dequeue();
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

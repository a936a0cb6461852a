using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>
/// One real host with the shipped catalogue, shared by the tests of <see cref="GatewayCollection"/>. Each test takes
/// OZG-IDs and Themenfelder of its own from <see cref="TakeOzgId"/> / <see cref="TakeThemenfeldId"/>, so order never matters.
/// On Azurite; <see cref="PostgresGatewayFixture"/> is the same host on PostgreSQL.
/// </summary>
public class GatewayFixture : IAsyncLifetime
{
    private readonly List<LeistungSummary> _freeOzgIds = [];
    private readonly Queue<int> _freeThemenfeldIds = new();

    /// <summary>Themenfelder without a known Federführung, so tests may set one (<see cref="TakeThemenfeldId"/>).</summary>
    public static readonly IReadOnlyList<int> WithoutKnownFederfuehrung = [2, 4, 7, 10, 11, 13, 14];
    private TestHost? _host;

    /// <summary>Settings that put the host on another store than the test Azurite.</summary>
    protected virtual IReadOnlyList<string> StoreSettings => [];

    public TestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public LeistungService.LeistungServiceClient Leistungen => new(Host.Channel);

    public ThemenfeldService.ThemenfeldServiceClient Themenfelder => new(Host.Channel);

    public CatalogService.CatalogServiceClient Catalog => new(Host.Channel);

    public MonitoringService.MonitoringServiceClient Monitoring => new(Host.Channel);

    public async Task InitializeAsync()
    {
        // A small stream buffer and a short grace, so that a stalled watcher is cut off after a few hundred changes
        // and one that does not read at all is reset soon after.
        _host = await TestHost.StartAsync(
            ClusterScope.CreateNew(), ["--OzgGrid:Monitoring:StreamBufferSize=8", "--OzgGrid:Monitoring:StalledWriteGrace=00:00:02", .. StoreSettings]);

        await new ItDienstleisterService.ItDienstleisterServiceClient(Host.Channel).RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest
        {
            Id = KnownData.Dataport, RequestId = Guid.NewGuid().ToString(), Name = "Dataport AöR",
            Laender = { "SH", "HH", "HB", "ST" }, Contact = "ozg@dataport.example",
        });

        // The Leistungen whose data tests read exactly are left out of the pool, so no test changes them.
        var all = await Leistungen.ListLeistungenAsync(new ListLeistungenRequest { PageSize = 500 });
        var next = await Leistungen.ListLeistungenAsync(new ListLeistungenRequest { PageSize = 500, PageToken = all.NextPageToken });
        _freeOzgIds.AddRange(all.Leistungen.Concat(next.Leistungen).Where(l => l.OzgId != KnownData.ElterngeldOzgId).Reverse());

        foreach (var id in WithoutKnownFederfuehrung)
        {
            _freeThemenfeldIds.Enqueue(id);
        }
    }

    public int TakeOzgId() => Take(_ => true);

    /// <summary>A Leistung of another Themenfeld than the one given.</summary>
    public int TakeOzgIdOutside(int themenfeldId) => Take(l => l.ThemenfeldId != themenfeldId);

    private int Take(Func<LeistungSummary, bool> suitable)
    {
        lock (_freeOzgIds)
        {
            var leistung = _freeOzgIds.First(suitable);
            _freeOzgIds.Remove(leistung);
            return leistung.OzgId;
        }
    }

    public int TakeThemenfeldId()
    {
        lock (_freeThemenfeldIds)
        {
            return _freeThemenfeldIds.Dequeue();
        }
    }

    /// <summary>The Themenfelder no test has taken yet: as the catalogue loaded them.</summary>
    public IReadOnlyList<int> UntakenThemenfeldIds()
    {
        lock (_freeThemenfeldIds)
        {
            return [.. _freeThemenfeldIds];
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

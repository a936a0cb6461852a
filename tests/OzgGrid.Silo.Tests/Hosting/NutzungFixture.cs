using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OzgGrid.Gateway.Identity;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>
/// A real host of its own for the usage figures: its programme clock moves forward when a test needs months to pass,
/// its findings are checked every second, and its import limits are low enough to reach. On Azurite;
/// <see cref="PostgresNutzungFixture"/> is the same host on PostgreSQL.
/// </summary>
public class NutzungFixture : IAsyncLifetime
{
    public const int ZeilenProAufruf = 3_000;
    public const int ZeilenProImport = 12_000;

    private readonly Queue<int> _freeOzgIds = new();
    private TestHost? _host;

    /// <summary>Settings that put the host on another store than the test Azurite.</summary>
    protected virtual IReadOnlyList<string> StoreSettings => [];

    public TestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public FakeTimeProvider ProgrammeTime { get; } = new(DateTimeOffset.UtcNow);

    public NutzungService.NutzungServiceClient Management => new(Host.Channel);

    /// <summary>NRW's registered Kommunen, by AGS, as ListKommunen answers them.</summary>
    public IReadOnlyList<string> KommunenNw { get; private set; } = [];

    /// <summary>Bremen's two Gemeinden, imported as its register.</summary>
    public IReadOnlyList<string> KommunenHb { get; } = ["04011000", "04012000"];

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(
            ClusterScope.CreateNew(),
            services => services.Replace(ServiceDescriptor.Singleton(new ProgrammeClock(ProgrammeTime))),
            [
                "--OzgGrid:Nutzung:BefundPeriode=00:00:01",
                $"--OzgGrid:Limits:NutzungZeilenProAufruf={ZeilenProAufruf}",
                $"--OzgGrid:Limits:NutzungZeilenProImport={ZeilenProImport}",
                .. StoreSettings,
            ]);
        var rollout = new RolloutService.RolloutServiceClient(Host.Channel);
        var kommunen = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await rollout.ListKommunenAsync(new ListKommunenRequest { Land = "NW", PageSize = 500, PageToken = token });
            kommunen.AddRange(page.Kommunen.Select(k => k.Ags));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        KommunenNw = kommunen;

        // A second Land with a register (the host ships NW's only), for imports in a Land an IT-Dienstleister does not serve.
        await rollout.ImportKommunenAsync(new ImportKommunenRequest
        {
            RequestId = Guid.NewGuid().ToString(), Land = "HB",
            Kommunen = { KommunenHb.Select(ags => new Kommune { Ags = ags, Name = $"Kommune {ags}", Source = KommuneSource.Imported }) },
        });

        var page1 = await new LeistungService.LeistungServiceClient(Host.Channel).ListLeistungenAsync(new ListLeistungenRequest { PageSize = 200 });
        foreach (var leistung in page1.Leistungen)
        {
            _freeOzgIds.Enqueue(leistung.OzgId);
        }
    }

    /// <summary>A Leistung no other test of the fixture touches.</summary>
    public int TakeOzgId()
    {
        lock (_freeOzgIds)
        {
            return _freeOzgIds.Dequeue();
        }
    }

    /// <summary>An IT-Dienstleister of its own serving <paramref name="laender"/>, and a channel of one of its people.</summary>
    public async Task<(string Id, Grpc.Net.Client.GrpcChannel Channel)> ItDienstleisterAsync(params string[] laender)
    {
        var id = $"itdl-{Guid.NewGuid():N}"[..20];
        await new ItDienstleisterService.ItDienstleisterServiceClient(Host.Channel).RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest
        {
            Id = id, RequestId = Guid.NewGuid().ToString(), Name = $"IT-Dienstleister {id}", Laender = { laender }, Contact = "ozg@example.org",
        });
        return (id, Host.ChannelFor(Roles.ItDienstleister, $"{id}:alice", id));
    }

    /// <summary>The current month of the programme clock moved back by <paramref name="back"/> months, as "YYYY-MM".</summary>
    public string Monat(int back)
    {
        var now = ProgrammeTime.GetUtcNow().UtcDateTime;
        return new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-back).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

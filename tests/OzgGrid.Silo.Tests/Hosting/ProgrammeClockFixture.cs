using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>
/// A real host of its own whose programme clock (milestones, dates) the tests move forward, so that deadlines pass
/// without anyone waiting; the cluster's own time runs normally. Not shared with <see cref="GatewayFixture"/>: there,
/// tests date milestones by the real clock. On Azurite; <see cref="PostgresProgrammeClockFixture"/> is the same host on PostgreSQL.
/// </summary>
public class ProgrammeClockFixture : IAsyncLifetime
{
    private readonly Queue<int> _freeOzgIds = new();
    private TestHost? _host;

    /// <summary>Settings that put the host on another store than the test Azurite.</summary>
    protected virtual IReadOnlyList<string> StoreSettings => [];

    public TestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>How often a project checks its status (and an Anschluss record its deadlines) here, by the cluster's time: short, so that a test waits for the reminder.</summary>
    public static readonly TimeSpan UmsetzungsprojektCheckPeriod = TimeSpan.FromSeconds(2);

    public FakeTimeProvider ProgrammeTime { get; } = new(DateTimeOffset.UtcNow);

    public DateOnly Today => DateOnly.FromDateTime(ProgrammeTime.GetUtcNow().UtcDateTime);

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(
            ClusterScope.CreateNew(),
            services => services.Replace(ServiceDescriptor.Singleton(new ProgrammeClock(ProgrammeTime))),
            [
                $"--OzgGrid:Umsetzungsprojekte:CheckPeriod={UmsetzungsprojektCheckPeriod}",
                $"--OzgGrid:Anschluss:CheckPeriod={UmsetzungsprojektCheckPeriod}",
                .. StoreSettings,
            ]);
        var leistungen = new LeistungService.LeistungServiceClient(Host.Channel);
        var page = await leistungen.ListLeistungenAsync(new ListLeistungenRequest { PageSize = 50 });
        foreach (var leistung in page.Leistungen)
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

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

using Grpc.Net.Client;
using OzgGrid.Gateway.Identity;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Processes;

/// <summary>
/// Silo processes of one cluster on a store of their own (an Azurite, which the tests may stop and start again), or,
/// in a subclass, on the store it passes (<see cref="PostgresProcessClusterFixture"/>).
/// </summary>
public class ProcessClusterFixture : IAsyncLifetime
{
    private readonly Func<Task<IClusterStore>> _startStore;
    private IClusterStore? _store;

    public ProcessClusterFixture()
        : this(AzuriteClusterStore.StartAsync)
    {
    }

    /// <summary>xunit wants one public constructor: subclasses on another store pass theirs here.</summary>
    protected ProcessClusterFixture(Func<Task<IClusterStore>> startStore) => _startStore = startStore;

    public ClusterScope Scope { get; } = ClusterScope.CreateNew();

    public IClusterStore Store => _store ?? throw new InvalidOperationException("The store has not started.");

    public List<SiloProcess> Silos { get; } = [];

    public string Token => AccessTokens.Issue(Scope.Auth, "cluster-test", Roles.ProgrammManagement, null, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

    public async Task InitializeAsync()
    {
        _store = await _startStore();
        await StartThreeSilosAsync();
    }

    public async Task<SiloProcess> AddSiloAsync()
    {
        var silo = await SiloProcess.StartAsync(Scope, Store.Settings);
        Silos.Add(silo);
        return silo;
    }

    /// <summary>Stops every silo and the store as an operator would, then starts the store and three silos again.</summary>
    public async Task RestartEverythingAsync()
    {
        await Task.WhenAll(Silos.Where(s => !s.HasExited).Select(s => s.StopAsync()));
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }

        Silos.Clear();
        await Store.RestartAsync();
        await StartThreeSilosAsync();
    }

    /// <summary>The first silo imports the catalogue; the others join once it has.</summary>
    private async Task StartThreeSilosAsync()
    {
        Silos.Add(await SiloProcess.StartAsync(Scope, Store.Settings));
        Task<SiloProcess>[] joining = [SiloProcess.StartAsync(Scope, Store.Settings), SiloProcess.StartAsync(Scope, Store.Settings)];
        try
        {
            await Task.WhenAll(joining);
        }
        finally
        {
            // A silo that started beside one that failed is still disposed with the fixture, not left running.
            Silos.AddRange(joining.Where(start => start.IsCompletedSuccessfully).Select(start => start.Result));
        }
    }

    /// <summary>A channel balanced over the silos still running.</summary>
    public GrpcChannel Channel() => BalancedChannel.Create(Silos.Where(s => !s.HasExited).Select(s => s.GrpcPort), Token);

    public GrpcChannel ChannelTo(SiloProcess silo) => BalancedChannel.Create([silo.GrpcPort], Token);

    public async Task DisposeAsync()
    {
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }
}

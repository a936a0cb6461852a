using Grpc.Net.Client;
using OzgGrid.Gateway.Identity;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Processes;

/// <summary>Silo processes of one cluster on an Azurite of their own, which the tests may stop and start again.</summary>
public sealed class ProcessClusterFixture : IAsyncLifetime
{
    private OwnAzurite? _azurite;

    public ClusterScope Scope { get; } = ClusterScope.CreateNew();

    public OwnAzurite Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public List<SiloProcess> Silos { get; } = [];

    public string Token => AccessTokens.Issue(Scope.Auth, "cluster-test", Roles.ProgrammManagement, null, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

    public async Task InitializeAsync()
    {
        _azurite = await OwnAzurite.StartAsync();

        // The first silo imports the catalogue; the others join once it has.
        Silos.Add(await SiloProcess.StartAsync(Scope, Azurite.ConnectionString));
        Silos.AddRange(await Task.WhenAll(SiloProcess.StartAsync(Scope, Azurite.ConnectionString), SiloProcess.StartAsync(Scope, Azurite.ConnectionString)));
    }

    public async Task<SiloProcess> AddSiloAsync()
    {
        var silo = await SiloProcess.StartAsync(Scope, Azurite.ConnectionString);
        Silos.Add(silo);
        return silo;
    }

    /// <summary>Stops every silo and Azurite as an operator would, then starts Azurite and three silos again.</summary>
    public async Task RestartEverythingAsync()
    {
        await Task.WhenAll(Silos.Where(s => !s.HasExited).Select(s => s.StopAsync()));
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }

        Silos.Clear();
        await Azurite.StopAsync();
        await Azurite.StartAgainAsync();
        Silos.Add(await SiloProcess.StartAsync(Scope, Azurite.ConnectionString));
        Silos.AddRange(await Task.WhenAll(SiloProcess.StartAsync(Scope, Azurite.ConnectionString), SiloProcess.StartAsync(Scope, Azurite.ConnectionString)));
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

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

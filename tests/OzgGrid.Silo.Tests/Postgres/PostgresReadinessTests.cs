using System.Net;
using Npgsql;
using OzgGrid.Silo.Tests.Cli;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Postgres;

/// <summary>
/// On PostgreSQL, as on Azure Storage, a silo whose database cannot be reached is not ready (/healthz/ready 503), so
/// that an orchestrator sends it no traffic (deploy/kubernetes: unready, not restarted), and ready again once it can.
/// </summary>
public sealed class PostgresReadinessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_silo_whose_database_goes_away_turns_unready_and_ready_again_when_it_is_back()
    {
        var database = new NpgsqlConnectionStringBuilder(TestStorage.PostgresConnectionString);
        await using var forwarder = new FlakyForwarder(new Uri($"tcp://{database.Host}:{database.Port}"), dropFirst: 0);
        var port = forwarder.Endpoint.Split(':')[1];
        var viaForwarder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = int.Parse(port) };
        await using var host = await TestHost.StartAsync(ClusterScope.CreateNew(),
            "--OzgGrid:Storage:Provider=Postgres", $"--OzgGrid:Storage:PostgresConnectionString={viaForwarder.ConnectionString}");
        using var http = new HttpClient { BaseAddress = host.HttpAddress };
        await Eventually.ReturnsAsync(() => ReadinessAsync(http), status => status == HttpStatusCode.OK, "the silo to be ready", Deadline);

        forwarder.Cut();
        try
        {
            await Eventually.ReturnsAsync(() => ReadinessAsync(http), status => status == HttpStatusCode.ServiceUnavailable,
                "the silo to answer /healthz/ready with 503 while its database cannot be reached", Deadline);
        }
        finally
        {
            forwarder.Restore();
        }

        await Eventually.ReturnsAsync(() => ReadinessAsync(http), status => status == HttpStatusCode.OK,
            "the silo to be ready again once its database is back", Deadline);
    }

    private static async Task<HttpStatusCode> ReadinessAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/healthz/ready");
        return response.StatusCode;
    }
}

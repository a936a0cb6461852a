using System.Net;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Observability;

/// <summary>
/// Hosts configured otherwise than the shared one, each of its own. Kept out of <see cref="ObservabilityCollection"/>:
/// disposing a host in this process stops the export of every same-named instrument of the hosts still running
/// (OpenTelemetry .NET issue 6412), which would empty the shared host's /metrics.
/// </summary>
public sealed class ObservabilitySettingsTests
{
    [Fact]
    public async Task In_Development_the_dashboard_is_open_without_a_token()
    {
        await using var host = await TestHost.StartAsync(ClusterScope.CreateNew(), "--environment=Development", "--OzgGrid:Catalog:ImportOnFirstStart=true");
        using var http = new HttpClient { BaseAddress = host.HttpAddress };

        using var response = await http.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task With_the_dashboard_disabled_its_path_is_not_found()
    {
        await using var host = await TestHost.StartAsync(ClusterScope.CreateNew(), "--OzgGrid:Dashboard:Enabled=false", "--OzgGrid:Catalog:ImportOnFirstStart=true");
        using var http = new HttpClient { BaseAddress = host.HttpAddress };

        using var response = await http.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_configured_the_host_is_ready_even_if_no_collector_answers()
    {
        await using var host = await TestHost.StartAsync(ClusterScope.CreateNew(),
            "--OzgGrid:Catalog:ImportOnFirstStart=true", $"--OzgGrid:Telemetry:OtlpEndpoint=http://127.0.0.1:{FreePort.Next()}");
        using var http = new HttpClient { BaseAddress = host.HttpAddress };

        Assert.Equal("Healthy", await http.GetStringAsync("/healthz/ready"));
    }
}

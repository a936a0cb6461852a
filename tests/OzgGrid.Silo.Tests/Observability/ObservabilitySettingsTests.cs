using System.Net;
using System.Net.Http.Headers;
using OzgGrid.Gateway.Identity;
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
    public async Task Outside_Development_the_dashboard_is_off_unless_enabled()
    {
        await using var host = await TestHost.StartAsync(ClusterScope.CreateNew(), "--environment=Production", "--OzgGrid:Catalog:ImportOnFirstStart=true");
        using var http = new HttpClient { BaseAddress = host.HttpAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");

        // With the token that opens the dashboard where it is on: the path itself is missing, not only closed.
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.TokenFor(Roles.ProgrammManagement, "operator"));
        using var response = await http.SendAsync(request);

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

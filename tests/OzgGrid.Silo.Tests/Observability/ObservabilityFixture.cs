using System.Net.Http.Headers;
using OzgGrid.Gateway.Identity;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Observability;

/// <summary>
/// One host in the Production environment with the Orleans Dashboard on, shared by the tests of
/// <see cref="ObservabilityCollection"/>, with a client of its operations endpoint.
/// </summary>
public sealed class ObservabilityFixture : IAsyncLifetime, IDisposable
{
    private TestHost? _host;
    private HttpClient? _http;

    public TestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>A client of the host's operations endpoint (HTTP/1.1).</summary>
    public HttpClient Http => _http ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(ClusterScope.CreateNew(), "--environment=Production", "--OzgGrid:Dashboard:Enabled=true", "--OzgGrid:Catalog:ImportOnFirstStart=true");
        _http = new HttpClient { BaseAddress = _host.HttpAddress };
    }

    /// <summary>The Prometheus exposition of the host's metrics as it is now.</summary>
    public async Task<PrometheusText> ScrapeAsync()
    {
        // Outside Development the metrics need a programme-management token, as a Prometheus scraper sends one.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Host.TokenFor(Roles.ProgrammManagement, "prometheus"));
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return new(await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _http?.Dispose();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

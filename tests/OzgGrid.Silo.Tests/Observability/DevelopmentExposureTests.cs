using System.Net;
using Grpc.Core;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Observability;

/// <summary>In the Development environment metrics and server reflection are open without a token, for local tools.</summary>
public sealed class DevelopmentExposureTests : IAsyncLifetime
{
    private TestHost? _host;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(ClusterScope.CreateNew(), "--environment=Development");

    [Fact]
    public async Task In_Development_metrics_and_server_reflection_answer_without_a_token()
    {
        using var http = new HttpClient { BaseAddress = _host!.HttpAddress };

        using var metrics = await http.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Equal(StatusCode.OK, await OperationsExposureTests.ListServicesAsync(_host.AnonymousChannel));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

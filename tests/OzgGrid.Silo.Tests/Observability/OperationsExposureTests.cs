using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using OzgGrid.Gateway.Identity;
using OzgGrid.Silo.Hosting;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Observability;

/// <summary>Outside Development only health checks are open to anyone; metrics, dashboard and reflection need a token.</summary>
[Collection(ObservabilityCollection.Name)]
public sealed class OperationsExposureTests(ObservabilityFixture fixture)
{
    private const string DashboardPath = DashboardRegistration.Path + "/";

    [Theory]
    [InlineData(TelemetryRegistration.MetricsPath)]
    [InlineData(DashboardPath)]
    [InlineData(DashboardPath + "ClusterStats")]
    [InlineData(DashboardPath + "DashboardCounters")]
    [InlineData(DashboardPath + "Trace")]
    public async Task Outside_Development_metrics_and_dashboard_refuse_a_request_without_a_token(string path)
    {
        using var response = await fixture.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(TelemetryRegistration.MetricsPath)]
    [InlineData(DashboardPath)]
    [InlineData(DashboardPath + "ClusterStats")]
    public async Task Outside_Development_metrics_and_dashboard_refuse_a_token_without_the_programme_management_role(string path)
    {
        using var response = await GetAsync(path, fixture.Host.TokenFor(Roles.Monitoring, "grafana"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(TelemetryRegistration.MetricsPath, "ozggrid")]
    [InlineData(DashboardPath, "Orleans")]
    public async Task Outside_Development_metrics_and_dashboard_answer_a_programme_management_token(string path, string content)
    {
        using var response = await GetAsync(path, fixture.Host.TokenFor(Roles.ProgrammManagement, "prometheus"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(content, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_Development_the_health_checks_stay_open_without_a_token()
    {
        using var live = await fixture.Http.GetAsync(HealthRegistration.LivePath);
        var grpcHealth = await new Grpc.Health.V1.Health.HealthClient(fixture.Host.AnonymousChannel).CheckAsync(new());

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, grpcHealth.Status);
    }

    [Fact]
    public async Task Outside_Development_server_reflection_refuses_a_call_without_a_token_and_answers_one_with_a_role()
    {
        Assert.Equal(StatusCode.Unauthenticated, await ListServicesAsync(fixture.Host.AnonymousChannel));
        Assert.Equal(StatusCode.OK, await ListServicesAsync(fixture.Host.ChannelFor(Roles.Monitoring, "grpcurl")));
    }

    /// <summary>Lists the services by reflection; the status the call ended with.</summary>
    public static Task<StatusCode> ListServicesAsync(GrpcChannel channel) => CallStatus.OfAsync(async () =>
    {
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains("ozg.v1.LeistungService", call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));
    });

    private async Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await fixture.Http.SendAsync(request);
    }
}

using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

[Collection(GatewayCollection.Name)]
public sealed class HealthAndReflectionTests(GatewayFixture fixture)
{
    [Fact]
    public async Task The_standard_health_service_reports_serving_once_the_catalogue_is_loaded()
    {
        var health = new Health.HealthClient(fixture.Host.Channel);

        var response = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Server_reflection_lists_the_OzgGrid_services()
    {
        var reflection = new ServerReflection.ServerReflectionClient(fixture.Host.Channel);
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Contains("ozg.v1.LeistungService", services);
        Assert.Contains("ozg.v1.ThemenfeldService", services);
        Assert.Contains("ozg.v1.CatalogService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }
}

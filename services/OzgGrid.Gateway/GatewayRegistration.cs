using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Gateway.Errors;
using OzgGrid.Gateway.Grpc;
using OzgGrid.Gateway.Monitoring;

namespace OzgGrid.Gateway;

/// <summary>Wires the gRPC gateway into a host: services, error mapping, health and reflection.</summary>
public static class GatewayRegistration
{
    public static IServiceCollection AddOzgGridGateway(this IServiceCollection services)
    {
        services.AddGrpc(options =>
        {
            options.Interceptors.Add<DomainErrorInterceptor>();
            options.EnableDetailedErrors = false;
        });
        services.AddSingleton<ProgrammeWatch>();
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks();
        return services;
    }

    public static IEndpointRouteBuilder MapOzgGridGateway(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<ThemenfeldService>();
        endpoints.MapGrpcService<LeistungService>();
        endpoints.MapGrpcService<CatalogService>();
        endpoints.MapGrpcService<MonitoringService>();
        endpoints.MapGrpcHealthChecksService();
        endpoints.MapGrpcReflectionService();
        return endpoints;
    }
}

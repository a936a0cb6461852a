using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Grpc.AspNetCore.Server.Model;
using OzgGrid.Gateway.Decoding;
using OzgGrid.Gateway.Errors;
using OzgGrid.Gateway.Grpc;
using OzgGrid.Gateway.Identity;
using OzgGrid.Gateway.InProcess;
using OzgGrid.Gateway.Monitoring;
using OzgGrid.Gateway.ProgrammeManagement;
using OzgGrid.Gateway.Resilience;
using OzgGrid.Gateway.Rest;
using OzgGrid.Gateway.Streams;

namespace OzgGrid.Gateway;

/// <summary>Wires the gRPC gateway into a host: authentication, services (also as REST/JSON), access checks, error mapping, health, reflection.</summary>
public static class GatewayRegistration
{
    public const int MaxRequestBytes = 256 * 1024;

    public static IServiceCollection AddOzgGridGateway(this IServiceCollection services, IConfiguration configuration, bool isDevelopment)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        auth.EnsureUsable(isDevelopment);
        services.AddSingleton(auth);

        // Only the signing keys follow a changed configuration (SigningKeyRing); the rest is read once at startup.
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<SigningKeyRing>(provider, isDevelopment));
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenHandlers.Clear();
            options.TokenHandlers.Add(new ValidatedTokenCache(TimeProvider.System));
            options.Events = new JwtBearerEvents { OnAuthenticationFailed = TokenRefusal.RecordAsync };
        });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<SigningKeyRing>((options, ring) =>
            options.TokenValidationParameters = AccessTokens.ValidationParameters(auth, ring));

        services.AddGrpc(options =>
        {
            // Outermost first: errors are mapped for everything inside, access is checked before any work.
            options.Interceptors.Add<DomainErrorInterceptor>();
            options.Interceptors.Add<AccessInterceptor>();
            options.Interceptors.Add<ItDienstleisterStandingInterceptor>();
            options.Interceptors.Add<RateLimitInterceptor>();
            options.Interceptors.Add<StreamLimitInterceptor>();
            options.Interceptors.Add<ResilienceInterceptor>();
            options.EnableDetailedErrors = false;

            // Every request of the API is small; a large one is an error or an attack.
            options.MaxReceiveMessageSize = MaxRequestBytes;
            options.CompressionProviders = CheckedDecompression.Defaults(MaxRequestBytes);
        }).AddJsonTranscoding(RestJson.Configure);
        services.AddOzgGridRestDocument();
        UseDecodingBinder(services);
        services.Configure<ResilienceOptions>(configuration.GetSection(ResilienceOptions.Section));
        services.AddSingleton<ResilienceInterceptor>();
        services.AddSingleton<ItDienstleisterStanding>();
        services.AddSingleton<ItDienstleisterStandingInterceptor>();
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<RateLimitInterceptor>();
        services.Configure<StreamLimitOptions>(configuration.GetSection(StreamLimitOptions.Section));
        services.AddSingleton<StreamLimiter>();
        services.AddSingleton<StreamLimitInterceptor>();
        services.AddSingleton<ProgrammeWatch>();
        services.AddSingleton(typeof(GrainReferenceCache<>));
        services.AddSingleton<ProgrammeEventWatch>();
        services.AddSingleton<ShutdownAwareStreams>();
        services.AddSingleton<InProcessGateway>();
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks();
        return services;
    }

    /// <summary>
    /// Replaces grpc-dotnet's method provider by one whose request marshallers answer undecodable bytes with
    /// INVALID_ARGUMENT: the body is decoded before any interceptor, so no interceptor could map it.
    /// </summary>
    private static void UseDecodingBinder(IServiceCollection services)
    {
        var binders = services
            .Where(service => service.ServiceType == typeof(IServiceMethodProvider<>)
                && service.ImplementationType?.Name.StartsWith("BinderServiceMethodProvider", StringComparison.Ordinal) == true)
            .ToList();
        if (binders.Count != 1)
        {
            throw new InvalidOperationException("grpc-dotnet's binder-based method provider was not found; undecodable requests would answer UNKNOWN.");
        }

        services.Remove(binders[0]);
        services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(DecodingServiceMethodProvider<>));
    }

    public static WebApplication MapOzgGridGateway(this WebApplication app)
    {
        app.UseRestRouteMiss();
        app.UseSingleMessageFraming(MaxRequestBytes);
        app.UseRestQueryCheck();
        app.UseRestBodyCheck(MaxRequestBytes);

        // Created now, not at the first call, so that it follows every configuration change from the start.
        app.Services.GetRequiredService<SigningKeyRing>();
        app.UseAuthentication();
        app.MapGrpcService<ThemenfeldService>();
        app.MapGrpcService<LeistungService>();
        app.MapGrpcService<CatalogService>();
        app.MapGrpcService<MonitoringService>();
        app.MapGrpcService<ItDienstleisterService>();
        app.MapGrpcService<ClusterAdminService>();
        app.MapGrpcService<ProgrammeManagementService>();
        app.MapGrpcService<UmsetzungsprojektService>();
        app.MapGrpcService<RolloutService>();
        app.MapGrpcService<OnlinedienstService>();
        app.MapGrpcService<OnlinedienstKennzahlenService>();
        app.MapGrpcService<ZustaendigkeitService>();
        app.MapGrpcService<ReifegradService>();
        app.MapGrpcService<NutzungService>();
        app.MapGrpcService<AnschlussService>();
        app.MapGrpcService<SucheService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.MapOzgGridRestDocument(app.Environment.IsDevelopment());
        return app;
    }
}

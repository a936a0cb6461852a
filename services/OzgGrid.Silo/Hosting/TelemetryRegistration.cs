using Grpc.AspNetCore.Server;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OzgGrid.Silo.Telemetry;

namespace OzgGrid.Silo.Hosting;

/// <summary>
/// OpenTelemetry: metrics of ASP.NET Core, Kestrel, the .NET runtime, Orleans and OzgGrid on /metrics (Prometheus, on the
/// operations endpoint); with OzgGrid:Telemetry:OtlpEndpoint set, also traces (ASP.NET Core, Orleans, OzgGrid),
/// metrics and logs over OTLP.
/// </summary>
public static class TelemetryRegistration
{
    public const string MetricsPath = "/metrics";
    public const string ServiceName = "ozggrid-silo";

    private static readonly string[] Meters =
    [
        OzgGridMetrics.MeterName, "Microsoft.Orleans", "Grpc.AspNetCore.Server", "System.Runtime",
    ];

    private static readonly string[] ActivitySources =
    [
        OzgGridTracing.SourceName, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Grpc.AspNetCore.Server",
    ];

    public static WebApplicationBuilder AddOzgGridTelemetry(this WebApplicationBuilder builder)
    {
        var telemetry = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new();
        var cluster = builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new();

        builder.Services.AddSingleton<OzgGridMetrics>();
        builder.Services.AddSingleton<GatewayMetricsInterceptor>();
        builder.Services.AddHostedService<MonitoringLagRecorder>();

        // First of all interceptors, so it counts the status the caller gets, whichever interceptor decided it.
        builder.Services.Configure<GrpcServiceOptions>(options =>
        {
            options.Interceptors.Add<GatewayMetricsInterceptor>();
            var registration = options.Interceptors[^1];
            options.Interceptors.RemoveAt(options.Interceptors.Count - 1);
            options.Interceptors.Insert(0, registration);
        });

        var openTelemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceNamespace: cluster.ServiceId))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(Meters)
                .AddPrometheusExporter());

        // Traces only when they go somewhere: activity propagation adds to every grain call.
        if (!string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint))
        {
            builder.UseOrleans(silo => silo.AddActivityPropagation());
            openTelemetry
                .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddSource(ActivitySources))
                .UseOtlpExporter(telemetry.OtlpProtocol, new Uri(telemetry.OtlpEndpoint));
        }

        return builder;
    }

    /// <summary>
    /// Open in the Development environment; otherwise only with a bearer token of role programm-management, as the
    /// dashboard: the metrics name callers, grains and load, which is no one else's business.
    /// </summary>
    public static WebApplication MapOzgGridMetrics(this WebApplication app)
    {
        var metrics = app.MapPrometheusScrapingEndpoint(MetricsPath).WithMetadata(OperationsListenerOnly.Instance);
        if (app.Environment.IsDevelopment())
        {
            metrics.AllowAnonymous();
        }
        else
        {
            metrics.RequireAuthorization(DashboardRegistration.Policy);
        }

        return app;
    }
}

namespace OzgGrid.Silo.Hosting;

/// <summary>
/// What operators and their tools reach on the operations endpoint (Kestrel:Endpoints:Http, HTTP/1.1): health checks,
/// Prometheus metrics, the Orleans Dashboard, the live programme page. On the gRPC listener these paths are not found.
/// </summary>
public static class OperationsRegistration
{
    public static WebApplicationBuilder AddOzgGridOperations(this WebApplicationBuilder builder) =>
        builder.AddOzgGridHealthChecks().AddOzgGridTelemetry().AddOzgGridDashboard().AddOzgGridProgrammeDashboard();

    /// <summary>Call after the gateway's mapping: its authentication runs first, then this listener check, then authorization.</summary>
    public static WebApplication MapOzgGridOperations(this WebApplication app)
    {
        var listeners = app.Services.GetRequiredService<KestrelListeners>();
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<OperationsListenerOnly>() is not null && !listeners.CameInOnHttpEndpoint(context))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        app.UseAuthorization();
        return app.MapOzgGridHealthChecks().MapOzgGridMetrics().MapOzgGridDashboard().MapOzgGridProgrammeDashboard();
    }
}

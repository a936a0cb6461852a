using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OzgGrid.Gateway;
using OzgGrid.Silo.Catalog;
using OzgGrid.Silo.Hosting;

namespace OzgGrid.Silo;

/// <summary>Builds an OzgGrid host: one Orleans silo with the gRPC gateway on Kestrel. Tests build the same host.</summary>
public static class OzgGridHost
{
    public static WebApplication Build(string[] args)
    {
        // The content root is the program's folder, so appsettings.json is found wherever the silo is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddOzgGridSilo();

        // HTTP/2 pings keep idle monitoring streams alive through proxies and find dead clients.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
            kestrel.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(20);
        });
        builder.Services.AddOzgGridGateway(builder.Configuration, builder.Environment.IsDevelopment());
        builder.Services.AddHealthChecks().AddCheck<CatalogHealthCheck>("catalog");
        builder.Services.AddHostedService<CatalogStartupLoader>();

        var app = builder.Build();
        app.MapOzgGridGateway();
        app.Lifetime.ApplicationStarted.Register(() => LogWhereToConnect(app));
        return app;
    }

    /// <summary>The addresses the gateway actually listens on (port 0 in configuration becomes a real port).</summary>
    public static IReadOnlyCollection<string> GatewayAddresses(this WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    private static void LogWhereToConnect(WebApplication app)
    {
        foreach (var address in app.GatewayAddresses())
        {
            app.Logger.LogInformation("OzgGrid gRPC gateway ready at {Address} (try: grpcurl -plaintext {Host} list)",
                address, new Uri(address).Authority);
        }
    }
}

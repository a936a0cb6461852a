namespace OzgGrid.Silo.Hosting;

/// <summary>Kestrel of an OzgGrid host: the gRPC endpoint (HTTP/2) and the operations endpoint (HTTP/1.1) of appsettings.json.</summary>
public static class KestrelRegistration
{
    public static WebApplicationBuilder AddOzgGridKestrel(this WebApplicationBuilder builder)
    {
        var listeners = new KestrelListeners();
        builder.Services.AddSingleton(listeners);
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            // HTTP/2 pings keep idle monitoring streams alive through proxies and find dead clients.
            kestrel.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
            kestrel.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(20);

            // The web host has set up loading the section "Kestrel" already; without it, set it up here.
            listeners.Track(kestrel.ConfigurationLoader ?? kestrel.Configure(context.Configuration.GetSection("Kestrel")));
        });
        return builder;
    }
}

using OzgGrid.Silo.Tls;

namespace OzgGrid.Silo.Hosting;

/// <summary>
/// Kestrel of an OzgGrid host: the gRPC endpoint (HTTP/2) and the operations endpoint (HTTP/1.1) of appsettings.json,
/// its https:// endpoints with the certificate of OzgGrid:Tls, followed when its files are renewed.
/// </summary>
public static class KestrelRegistration
{
    /// <exception cref="InvalidOperationException">Outside Development without a certificate (see <see cref="ServerCertificate"/>).</exception>
    public static WebApplicationBuilder AddOzgGridKestrel(this WebApplicationBuilder builder)
    {
        var certificate = ServerCertificate.Load(builder.Configuration, builder.Environment.IsDevelopment());
        if (certificate is not null)
        {
            var tls = builder.Configuration.GetSection(TlsOptions.Section).Get<TlsOptions>() ?? new();
            builder.Services.AddSingleton(provider => ActivatorUtilities.CreateInstance<ReloadingServerCertificate>(provider, tls, certificate));
        }

        var listeners = new KestrelListeners();
        builder.Services.AddSingleton(listeners);
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            // HTTP/2 pings keep idle monitoring streams alive through proxies and find dead clients.
            kestrel.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
            kestrel.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(20);
            if (certificate is not null)
            {
                // Asked at each handshake, so a renewed certificate reaches new connections without a restart.
                var served = kestrel.ApplicationServices.GetRequiredService<ReloadingServerCertificate>();
                kestrel.ConfigureHttpsDefaults(https => https.ServerCertificateSelector = (_, _) => served.Current);
            }

            // The web host has set up loading the section "Kestrel" already; without it, set it up here.
            listeners.Track(kestrel.ConfigurationLoader ?? kestrel.Configure(context.Configuration.GetSection("Kestrel")));
        });
        return builder;
    }
}

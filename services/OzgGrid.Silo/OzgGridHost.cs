using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OzgGrid.Gateway;
using OzgGrid.Silo.Catalog;
using OzgGrid.Silo.Hosting;
using OzgGrid.Silo.Kommunen;
using OzgGrid.Silo.Tls;
using OzgGrid.Web;

namespace OzgGrid.Silo;

/// <summary>
/// Builds an OzgGrid host: one Orleans silo with the gRPC gateway on Kestrel, and an HTTP/1.1 endpoint for operations
/// (health, metrics, dashboard). Tests build the same host.
/// </summary>
public static class OzgGridHost
{
    /// <summary>
    /// A JSON settings file read after all other configuration and followed when rewritten, e.g. the signing keys from
    /// a mounted secret: <c>--OzgGrid:SettingsFile=/run/secrets/ozggrid.json</c>.
    /// </summary>
    public const string SettingsFileKey = "OzgGrid:SettingsFile";

    /// <param name="configureServices">
    /// Runs after every registration of the host, so that tests can replace a service (e.g. the programme's clock).
    /// </param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        // The content root is the program's folder, so appsettings.json is found wherever the silo is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        AddSettingsFileIfNamed(builder.Configuration);
        builder.AddOzgGridSilo();
        builder.AddOzgGridKestrel();
        builder.Services.AddOzgGridGateway(builder.Configuration, builder.Environment.IsDevelopment());
        builder.AddOzgGridOperations();
        builder.Services.AddHostedService<CatalogStartupLoader>();
        builder.Services.AddHostedService<KommunenStartupLoader>();
        configureServices?.Invoke(builder.Services);
        ListenPortCheck.EnsureFree(builder.Configuration);

        var app = builder.Build();
        ServerCertificate.WarnAboutPlaintext(app.Configuration, app.Environment.IsDevelopment(), app.Logger);
        app.MapOzgGridGateway();
        app.MapOzgGridOperations();
        app.Lifetime.ApplicationStarted.Register(() => LogWhereToConnect(app));
        return app;
    }

    /// <summary>
    /// The silo program: builds and starts the host, then runs it until it is stopped. A host that cannot start (a
    /// setting that is unusable, a port in use) is refused with one line on <paramref name="error"/> and exit code 1.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        WebApplication? app = null;
        try
        {
            app = Build(args);
            if (app.Services.GetService<AzureStorageStartupProbe>() is { } storage)
            {
                await storage.EnsureReachableAsync(CancellationToken.None);
            }

            await app.StartAsync();
        }
        catch (Exception e)
        {
            // Whatever stops the start is the operator's to fix: say what, in one line; a stack trace helps nobody there
            // (unless the fault is the program's own).
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            await error.WriteLineAsync(StartRefusal.Report(e));
            return StartRefusal.ExitCode;
        }

        await using (app)
        {
            await app.WaitForShutdownAsync();
        }

        return 0;
    }

    /// <summary>The addresses the gRPC gateway actually listens on (port 0 in configuration becomes a real port).</summary>
    public static IReadOnlyCollection<string> GatewayAddresses(this WebApplication app) =>
        [.. ListeningAddresses(app).Where(address => !app.Services.GetRequiredService<KestrelListeners>().IsHttpAddress(address))];

    /// <summary>The addresses the operations endpoint (HTTP/1.1: health, metrics, dashboard) actually listens on.</summary>
    public static IReadOnlyCollection<string> HttpAddresses(this WebApplication app) =>
        [.. ListeningAddresses(app).Where(app.Services.GetRequiredService<KestrelListeners>().IsHttpAddress)];

    private static IEnumerable<string> ListeningAddresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];

    /// <summary>Reads the file <see cref="SettingsFileKey"/> names after all other configuration, if it names one.</summary>
    /// <exception cref="InvalidOperationException">The file cannot be read as JSON settings, naming it.</exception>
    internal static void AddSettingsFileIfNamed(ConfigurationManager configuration)
    {
        if (configuration[SettingsFileKey] is not { Length: > 0 } settingsFile)
        {
            return;
        }

        var path = Path.GetFullPath(settingsFile);
        try
        {
            configuration.AddJsonFile(path, optional: false, reloadOnChange: true);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Refusing to start: {SettingsFileKey} names {path}, which cannot be read as JSON settings: {e.Message}", e);
        }
    }

    private static void LogWhereToConnect(WebApplication app)
    {
        foreach (var address in app.GatewayAddresses())
        {
            var uri = new Uri(address);
            app.Logger.LogInformation("OzgGrid gRPC gateway ready at {Address} (try: grpcurl {Transport} {Host} list)",
                address, uri.Scheme == Uri.UriSchemeHttps ? "-cacert <the certificate>" : "-plaintext", uri.Authority);
        }

        foreach (var address in app.HttpAddresses())
        {
            app.Logger.LogInformation("OzgGrid operations endpoint at {Address}: {LivePath}, {ReadyPath}, {MetricsPath}, {DashboardPath}, the programme page {ProgrammePath}/",
                address, HealthRegistration.LivePath, HealthRegistration.ReadyPath, TelemetryRegistration.MetricsPath, DashboardRegistration.Path,
                ProgrammeDashboardEndpoints.Path);
        }
    }
}

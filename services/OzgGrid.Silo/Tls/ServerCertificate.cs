using System.Security.Cryptography.X509Certificates;
using OzgGrid.Silo.Hosting;

namespace OzgGrid.Silo.Tls;

/// <summary>
/// Decides at start whether the silo's endpoints serve TLS, and loads the certificate (renewed ones later:
/// <see cref="ReloadingServerCertificate"/>). Outside Development a bearer token must not cross the network in clear
/// text: without a certificate (and without the explicit <see cref="TlsOptions.AllowPlaintext"/>) the silo refuses to
/// start, saying what to configure.
/// </summary>
public static class ServerCertificate
{
    private const string EndpointsSection = "Kestrel:Endpoints";

    /// <summary>The certificate to serve, or null when the endpoints may be plain HTTP.</summary>
    /// <exception cref="InvalidOperationException">The configuration must not run in this environment.</exception>
    public static X509Certificate2? Load(IConfiguration configuration, bool isDevelopment)
    {
        var tls = configuration.GetSection(TlsOptions.Section).Get<TlsOptions>() ?? new();
        var plainEndpoints = PlainEndpoints(configuration);
        if (string.IsNullOrWhiteSpace(tls.CertificatePath))
        {
            if (!isDevelopment && !tls.AllowPlaintext)
            {
                throw new InvalidOperationException(
                    $"Refusing to start: no TLS certificate. Outside Development the gRPC and HTTP endpoints serve only TLS: set " +
                    $"{TlsOptions.Section}:CertificatePath (a PEM certificate with {TlsOptions.Section}:KeyPath, or a .pfx with " +
                    $"{TlsOptions.Section}:Password) and https:// URLs for {EndpointsSection}:{KestrelListeners.GrpcEndpoint}:Url and " +
                    $"{EndpointsSection}:{KestrelListeners.HttpEndpoint}:Url (`./ozg cert` makes a self-signed certificate for trying). " +
                    $"Behind a proxy that terminates TLS, set {TlsOptions.Section}:AllowPlaintext=true instead.");
            }

            return null;
        }

        if (!isDevelopment && !tls.AllowPlaintext && plainEndpoints.Count > 0)
        {
            throw new InvalidOperationException(
                $"Refusing to start: {string.Join(", ", plainEndpoints.Select(e => $"{EndpointsSection}:{e.Name}:Url ({e.Url})"))} " +
                $"would serve without TLS although {TlsOptions.Section}:CertificatePath is set: use https:// URLs " +
                $"(or {TlsOptions.Section}:AllowPlaintext=true behind a proxy that terminates TLS).");
        }

        return Read(tls);
    }

    /// <summary>The configured endpoints (name, URL) that serve plain HTTP.</summary>
    public static IReadOnlyList<(string Name, string Url)> PlainEndpoints(IConfiguration configuration) =>
        [.. configuration.GetSection(EndpointsSection).GetChildren()
            .Select(endpoint => (endpoint.Key, Url: endpoint["Url"] ?? ""))
            .Where(endpoint => endpoint.Url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))];

    /// <summary>Logs, outside Development, each endpoint that serves plain HTTP because the operator allowed it.</summary>
    public static void WarnAboutPlaintext(IConfiguration configuration, bool isDevelopment, ILogger logger)
    {
        if (isDevelopment)
        {
            return;
        }

        foreach (var (name, url) in PlainEndpoints(configuration))
        {
            logger.LogWarning(
                "{Endpoint} ({Url}) serves without TLS ({Section}:AllowPlaintext): bearer tokens cross the network in clear text unless a proxy in front terminates TLS",
                $"{EndpointsSection}:{name}", url, TlsOptions.Section);
        }
    }

    private static X509Certificate2 Read(TlsOptions tls)
    {
        try
        {
            return CertificateFiles.Read(tls).Load();
        }
        catch (Exception e) when (ReloadingServerCertificate.IsUnusableFiles(e))
        {
            throw new InvalidOperationException(
                $"Refusing to start: cannot read the TLS certificate {Path.GetFullPath(tls.CertificatePath)} ({TlsOptions.Section}:CertificatePath" +
                $"{(string.IsNullOrWhiteSpace(tls.KeyPath) ? "" : $", KeyPath {tls.KeyPath}")}): {e.Message}", e);
        }
    }
}

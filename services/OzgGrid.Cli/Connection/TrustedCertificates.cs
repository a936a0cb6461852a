using Grpc.Core;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OzgGrid.Cli.Connection;

/// <summary>
/// The certificates of --ca-file / OZGCTL_CA_FILE (PEM): a silo's https:// endpoint is trusted when its certificate
/// chains to one of them, e.g. a self-signed one of `./ozg cert` or the CA of a private network. The host name is
/// still checked. Without the file, the system's trust store decides.
/// </summary>
public sealed class TrustedCertificates
{
    public const string FileVariable = "OZGCTL_CA_FILE";

    private readonly X509Certificate2Collection _roots;

    private TrustedCertificates(X509Certificate2Collection roots) => _roots = roots;

    /// <summary>--ca-file, else OZGCTL_CA_FILE; null when neither is given.</summary>
    public static TrustedCertificates? Resolve(string? fromCommandLine, Func<string, string?> environment)
    {
        var (path, source) = !string.IsNullOrWhiteSpace(fromCommandLine) ? (fromCommandLine, "--ca-file") : (environment(FileVariable), FileVariable);
        return string.IsNullOrWhiteSpace(path) ? null : Load(path, source);
    }

    public static TrustedCertificates Load(string path, string source)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new CliException($"cannot read the certificate file {path} ({source}): {e.Message}", ExitCodes.Usage);
        }

        return roots.Count > 0
            ? new TrustedCertificates(roots)
            : throw new CliException($"the certificate file {path} ({source}) holds no PEM certificate", ExitCodes.Usage);
    }

    /// <summary>A handler for a channel whose TLS server certificates are checked against these certificates only.</summary>
    public SocketsHttpHandler Handler() => new()
    {
        // As GrpcChannel's own handler: more streams than one HTTP/2 connection allows open further connections.
        EnableMultipleHttp2Connections = true,
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, certificate, _, errors) => Trusts(certificate, errors) },
    };

    /// <summary>Why the TLS handshake of a failed call refused the server's certificate; null when it failed otherwise.</summary>
    public static string? RefusedCertificate(RpcException e) =>
        FailedHandshake(e) is { } reason && reason.Contains("certificate", StringComparison.OrdinalIgnoreCase) ? reason : null;

    /// <summary>
    /// Why the TLS handshake of a failed call failed; null when there was none. Not about the certificate (see
    /// <see cref="RefusedCertificate"/>): the endpoint answered with something else than TLS, e.g. a plain-HTTP silo.
    /// </summary>
    public static string? FailedHandshake(RpcException e)
    {
        for (var cause = e.Status.DebugException; cause is not null; cause = cause.InnerException)
        {
            if (cause is AuthenticationException failed)
            {
                return failed.Message;
            }
        }

        return null;
    }

    private bool Trusts(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }
}

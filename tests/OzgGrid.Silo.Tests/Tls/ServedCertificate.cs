using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace OzgGrid.Silo.Tests.Tls;

/// <summary>What a new TLS connection to an endpoint is served: the thumbprint of the server's certificate.</summary>
public static class ServedCertificate
{
    public static async Task<string> ThumbprintAsync(Uri endpoint)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(endpoint.Host, endpoint.Port);
        string? thumbprint = null;
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ApplicationProtocols = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11],

            // Only looked at, never trusted: the test compares it with the certificate it wrote.
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                thumbprint = certificate?.GetCertHashString();
                return thumbprint is not null;
            },
        });
        return thumbprint ?? throw new InvalidOperationException($"{endpoint} served no certificate.");
    }

    /// <summary>The thumbprint of the PEM certificate file <paramref name="path"/>.</summary>
    public static string ThumbprintOf(string path) => X509CertificateLoader.LoadCertificateFromFile(path).Thumbprint;
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OzgGrid.Silo.Tls;

/// <summary>
/// A self-signed server certificate for trying TLS (`./ozg cert`): PEM files a silo serves with and a client trusts as
/// its own root (ozgctl --ca-file, grpcurl -cacert). Not for production: nobody vouches for it.
/// </summary>
public static class SelfSignedCertificate
{
    public const string CertificateFile = "ozggrid.crt";
    public const string KeyFile = "ozggrid.key";

    /// <summary>The names a client on this machine uses, unless others are given.</summary>
    public static readonly IReadOnlyList<string> DefaultHosts = ["localhost", "127.0.0.1", "::1"];

    /// <summary>Writes <see cref="CertificateFile"/> and <see cref="KeyFile"/> (readable by the owner only) into <paramref name="directory"/>.</summary>
    /// <returns>The paths of the certificate and of the key.</returns>
    public static (string Certificate, string Key) Write(string directory, IReadOnlyList<string> hosts, TimeSpan validFor)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={hosts[0]}, O=OzgGrid (self-signed)", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in hosts)
        {
            if (IPAddress.TryParse(host, out var address))
            {
                names.AddIpAddress(address);
            }
            else
            {
                names.AddDnsName(host);
            }
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now + validFor);

        Directory.CreateDirectory(directory);
        var certificatePath = Path.GetFullPath(Path.Combine(directory, CertificateFile));
        var keyPath = Path.GetFullPath(Path.Combine(directory, KeyFile));
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem() + "\n");
        // Created empty and closed to others before the key goes in.
        File.WriteAllText(keyPath, "");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
        return (certificatePath, keyPath);
    }
}

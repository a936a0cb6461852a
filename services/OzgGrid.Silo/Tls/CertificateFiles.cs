using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace OzgGrid.Silo.Tls;

/// <summary>
/// The files of <see cref="TlsOptions"/> as read at one moment: their bytes (read once, so that a file rewritten in
/// between cannot mix two versions) and a fingerprint that tells whether they changed since the last read.
/// </summary>
public sealed class CertificateFiles
{
    private readonly TlsOptions _tls;
    private readonly byte[] _certificate;
    private readonly byte[]? _key;

    private CertificateFiles(TlsOptions tls, byte[] certificate, byte[]? key)
    {
        _tls = tls;
        _certificate = certificate;
        _key = key;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(certificate);
        hash.AppendData(key ?? []);
        Fingerprint = Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The full path of the certificate (or PKCS#12) file.</summary>
    public string CertificatePath => Path.GetFullPath(_tls.CertificatePath);

    /// <summary>SHA-256 over the bytes read: equal fingerprints, unchanged files.</summary>
    public string Fingerprint { get; }

    /// <summary>The directories whose entries decide what the paths point to (a Kubernetes Secret swaps a symlink there).</summary>
    public static IReadOnlyList<string> Directories(TlsOptions tls) =>
        [.. new[] { tls.CertificatePath, tls.KeyPath }
            .Where(path => !string.IsNullOrWhiteSpace(path))
            .Select(path => Path.GetDirectoryName(Path.GetFullPath(path))!)
            .Distinct(StringComparer.Ordinal)];

    /// <exception cref="IOException">A file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">A file may not be read.</exception>
    public static CertificateFiles Read(TlsOptions tls) => new(
        tls,
        File.ReadAllBytes(Path.GetFullPath(tls.CertificatePath)),
        IsPkcs12(tls) || string.IsNullOrWhiteSpace(tls.KeyPath) ? null : File.ReadAllBytes(Path.GetFullPath(tls.KeyPath)));

    /// <summary>The certificate with its private key.</summary>
    /// <exception cref="CryptographicException">Not a certificate, or its key does not fit or cannot be decrypted.</exception>
    /// <exception cref="ArgumentException">No certificate or key in the PEM text.</exception>
    /// <exception cref="InvalidOperationException">The certificate has no private key.</exception>
    public X509Certificate2 Load()
    {
        var password = string.IsNullOrEmpty(_tls.Password) ? null : _tls.Password;
        if (IsPkcs12(_tls))
        {
            return WithPrivateKey(X509CertificateLoader.LoadPkcs12(_certificate, password));
        }

        // Without KeyPath the key is in the certificate file.
        var certificatePem = Encoding.UTF8.GetString(_certificate);
        var keyPem = _key is null ? certificatePem : Encoding.UTF8.GetString(_key);
        return WithPrivateKey(password is null
            ? X509Certificate2.CreateFromPem(certificatePem, keyPem)
            : X509Certificate2.CreateFromEncryptedPem(certificatePem, keyPem, password));
    }

    private static X509Certificate2 WithPrivateKey(X509Certificate2 certificate)
    {
        if (certificate.HasPrivateKey)
        {
            return certificate;
        }

        certificate.Dispose();
        throw new InvalidOperationException($"the certificate has no private key; set {TlsOptions.Section}:KeyPath");
    }

    private static bool IsPkcs12(TlsOptions tls) => Path.GetExtension(tls.CertificatePath).ToLowerInvariant() is ".pfx" or ".p12";
}

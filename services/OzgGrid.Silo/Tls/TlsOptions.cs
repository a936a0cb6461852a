namespace OzgGrid.Silo.Tls;

/// <summary>
/// The certificate the gRPC and HTTP endpoints serve TLS with (section OzgGrid:Tls). The files are followed: a renewed
/// certificate is served to new connections without a restart; the settings themselves are read at start.
/// </summary>
public sealed class TlsOptions
{
    public const string Section = "OzgGrid:Tls";

    /// <summary>A PEM certificate (with <see cref="KeyPath"/>) or a PKCS#12 file (.pfx/.p12, with <see cref="Password"/>).</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The PEM private key of a PEM certificate; empty when the certificate file holds the key.</summary>
    public string KeyPath { get; set; } = "";

    /// <summary>The password of a PKCS#12 file or of an encrypted PEM key.</summary>
    public string Password { get; set; } = "";

    /// <summary>
    /// Outside Development, serve plain HTTP anyway: only behind a proxy that terminates TLS on the same host or network.
    /// Without it (and without a certificate) a silo outside Development refuses to start.
    /// </summary>
    public bool AllowPlaintext { get; set; }

    /// <summary>
    /// How often the certificate files are read again in case no change was noticed (the directories are watched; a
    /// change is picked up within a second). At least one second.
    /// </summary>
    public TimeSpan ReloadCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}

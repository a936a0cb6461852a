using OzgGrid.Silo.Tests.Hosting;
using OzgGrid.Silo.Tls;

namespace OzgGrid.Silo.Tests.Tls;

/// <summary>
/// One host in the Production environment serving TLS on both endpoints with a fresh self-signed certificate, made by
/// the code of `./ozg cert`.
/// </summary>
public sealed class TlsHostFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ozggrid-tls-{Guid.NewGuid():N}");
    private TestHost? _host;

    public TestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>The certificate the host serves (PEM): what a client trusts.</summary>
    public string CertificatePath { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var (certificate, key) = SelfSignedCertificate.Write(_directory, SelfSignedCertificate.DefaultHosts, TimeSpan.FromDays(1));
        CertificatePath = certificate;
        _host = await TestHost.StartAsync(ClusterScope.CreateNew(), Arguments(certificate, key));
    }

    /// <summary>Production, https:// on both endpoints, the certificate, and no plain-HTTP opt-in.</summary>
    public static string[] Arguments(string certificate, string key) =>
    [
        "--environment=Production",
        "--Kestrel:Endpoints:Grpc:Url=https://127.0.0.1:0",
        "--Kestrel:Endpoints:Http:Url=https://127.0.0.1:0",
        "--OzgGrid:Tls:AllowPlaintext=false",
        $"--OzgGrid:Tls:CertificatePath={certificate}",
        $"--OzgGrid:Tls:KeyPath={key}",
    ];

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}

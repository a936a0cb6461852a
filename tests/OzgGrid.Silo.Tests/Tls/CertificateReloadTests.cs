using System.Net.Http.Headers;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OzgGrid.Cli.Connection;
using OzgGrid.Gateway.Identity;
using OzgGrid.Silo.Hosting;
using OzgGrid.Silo.Tests.Hosting;
using OzgGrid.Silo.Tls;

namespace OzgGrid.Silo.Tests.Tls;

/// <summary>
/// A renewed server certificate reaches new connections without a restart, from a Kubernetes Secret volume (a swapped
/// "..data" symlink) and from files rewritten in place; files that cannot be served leave the previous certificate.
/// </summary>
public sealed class CertificateReloadTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ozggrid-tls-reload-{Guid.NewGuid():N}");
    private readonly FakeLogCollector _logs = new();
    private TestHost? _host;

    private TestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_certificate_renewed_in_a_Kubernetes_secret_volume_is_served_to_new_connections_without_a_restart()
    {
        var volume = new KubernetesSecretVolume(Path.Combine(_directory, "secret"));
        var a = NewCertificate("a");
        var b = NewCertificate("b");
        volume.Publish(a);
        await StartAsync(volume.CertificatePath, volume.KeyPath);
        Assert.Equal(Thumbprint(a), await ServedCertificate.ThumbprintAsync(Host.GatewayAddress));
        Assert.Equal(Thumbprint(a), await ServedCertificate.ThumbprintAsync(Host.HttpAddress));

        volume.Publish(b);

        await Eventually.ReturnsAsync(
            () => ServedCertificate.ThumbprintAsync(Host.GatewayAddress), served => served == Thumbprint(b), "B served on the gRPC endpoint", Within);
        Assert.Equal(Thumbprint(b), await ServedCertificate.ThumbprintAsync(Host.HttpAddress));
        using var channel = GrpcChannel.ForAddress(Host.GatewayAddress, new GrpcChannelOptions { HttpHandler = Trusting(b).Handler() });
        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task Rewritten_files_are_served_and_an_unusable_rewrite_keeps_the_previous_certificate_with_a_warning_and_a_metric()
    {
        var served = Path.Combine(_directory, "served");
        var a = NewCertificate("a");
        var b = NewCertificate("b");
        var certificate = Path.Combine(served, SelfSignedCertificate.CertificateFile);
        CopyCertificate(a, served);
        await StartAsync(certificate, Path.Combine(served, SelfSignedCertificate.KeyFile));
        Assert.Equal(Thumbprint(a), await ServedCertificate.ThumbprintAsync(Host.GatewayAddress));

        CopyCertificate(b, served);
        await Eventually.ReturnsAsync(
            () => ServedCertificate.ThumbprintAsync(Host.GatewayAddress), thumbprint => thumbprint == Thumbprint(b), "B served", Within);

        // Half written: the certificate cut off in the middle.
        var pem = await File.ReadAllTextAsync(certificate);
        await File.WriteAllTextAsync(certificate, pem[..(pem.Length / 2)]);

        var warning = await Eventually.ReturnsAsync(
            () => Task.FromResult(_logs.GetSnapshot().FirstOrDefault(record =>
                record.Level == LogLevel.Warning && record.Message.Contains("cannot be served", StringComparison.Ordinal))),
            record => record is not null, "a warning about the unusable certificate", Within);
        Assert.Contains(Path.GetFullPath(certificate), warning!.Message, StringComparison.Ordinal);
        Assert.Contains($"keep serving thumbprint {Thumbprint(b)}", warning.Message, StringComparison.Ordinal);
        Assert.Equal(Thumbprint(b), await ServedCertificate.ThumbprintAsync(Host.GatewayAddress));
        Assert.Equal(Thumbprint(b), await ServedCertificate.ThumbprintAsync(Host.HttpAddress));
        await Eventually.ReturnsAsync(
            () => MetricsAsync(b),
            metrics => Reloads(metrics, "served") >= 1 && Reloads(metrics, "refused") >= 1
                && metrics.Contains("ozggrid_tls_certificate_expiry_seconds", StringComparison.Ordinal),
            "served and refused reloads and the expiry on /metrics", Within);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private async Task StartAsync(string certificate, string key) =>
        _host = await TestHost.StartAsync(
            ClusterScope.CreateNew(), services => services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(_logs)), TlsHostFixture.Arguments(certificate, key));

    /// <summary>A new self-signed certificate and key in a folder of their own; returns the folder.</summary>
    private string NewCertificate(string name)
    {
        var folder = Path.Combine(_directory, name);
        SelfSignedCertificate.Write(folder, SelfSignedCertificate.DefaultHosts, TimeSpan.FromDays(1));
        return folder;
    }

    private static string Thumbprint(string folder) => ServedCertificate.ThumbprintOf(Path.Combine(folder, SelfSignedCertificate.CertificateFile));

    private static TrustedCertificates Trusting(string folder) =>
        TrustedCertificates.Load(Path.Combine(folder, SelfSignedCertificate.CertificateFile), "the test");

    // Rewritten in place, the certificate first, as a renewal script without an atomic swap does.
    private static void CopyCertificate(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in new[] { SelfSignedCertificate.CertificateFile, SelfSignedCertificate.KeyFile })
        {
            File.WriteAllBytes(Path.Combine(to, file), File.ReadAllBytes(Path.Combine(from, file)));
        }
    }

    /// <summary>The count of reloads of <paramref name="outcome"/> in a Prometheus scrape; 0 when absent.</summary>
    private static double Reloads(string metrics, string outcome) => metrics.Split('\n')
        .Where(line => line.StartsWith("ozggrid_tls_certificate_reloads_total{", StringComparison.Ordinal)
            && line.Contains($"outcome=\"{outcome}\"", StringComparison.Ordinal))
        .Select(line => double.Parse(line[(line.IndexOf('}', StringComparison.Ordinal) + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture))
        .DefaultIfEmpty(0)
        .Sum();

    private async Task<string> MetricsAsync(string trusted)
    {
        using var http = new HttpClient(Trusting(trusted).Handler()) { BaseAddress = Host.HttpAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, TelemetryRegistration.MetricsPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Host.TokenFor(Roles.ProgrammManagement, "prometheus"));
        using var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}

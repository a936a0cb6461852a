using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OzgGrid.Silo.Tests.Processes;
using OzgGrid.Silo.Tests.Hosting;
using OzgGrid.Silo.Tls;

namespace OzgGrid.Silo.Tests.Tls;

/// <summary>Outside Development a silo without a certificate refuses to start, unless the operator opts into plain HTTP.</summary>
public sealed class TlsRefusalTests
{
    private const string NoCertificate = "Refusing to start: no TLS certificate.";

    [Fact]
    public void Outside_Development_without_a_certificate_and_without_the_opt_in_the_host_refuses_to_start_saying_what_to_set()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => OzgGridHost.Build(Arguments("--OzgGrid:Tls:AllowPlaintext=false")));

        Assert.StartsWith(NoCertificate, refused.Message, StringComparison.Ordinal);
        Assert.Contains("OzgGrid:Tls:CertificatePath", refused.Message, StringComparison.Ordinal);
        Assert.Contains("OzgGrid:Tls:AllowPlaintext=true", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_silo_program_outside_Development_without_a_certificate_exits_with_the_message()
    {
        // As an operator starts it; the arguments set the environment Production.
        var start = new ProcessStartInfo("dotnet", [SiloProcess.SiloAssembly(), .. Arguments("--OzgGrid:Tls:AllowPlaintext=false")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains(NoCertificate, await error + await output, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_Development_with_a_certificate_an_http_endpoint_is_refused_by_name()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"ozggrid-tls-{Guid.NewGuid():N}");
        try
        {
            var (certificate, key) = SelfSignedCertificate.Write(directory, SelfSignedCertificate.DefaultHosts, TimeSpan.FromDays(1));

            var refused = Assert.Throws<InvalidOperationException>(() => OzgGridHost.Build(Arguments(
                [.. TlsHostFixture.Arguments(certificate, key), "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0"])));

            Assert.Contains("Kestrel:Endpoints:Grpc:Url (http://127.0.0.1:0)", refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Kestrel:Endpoints:Http:Url", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_certificate_file_that_cannot_be_read_is_refused_with_its_path()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.crt");

        var refused = Assert.Throws<InvalidOperationException>(() => OzgGridHost.Build(Arguments(
            [.. TlsHostFixture.Arguments(missing, missing + ".key")])));

        Assert.StartsWith("Refusing to start: cannot read the TLS certificate", refused.Message, StringComparison.Ordinal);
        Assert.Contains(missing, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_Development_the_opt_into_plain_http_starts_the_host_and_warns_for_each_endpoint()
    {
        var logs = new FakeLoggerProvider();
        var app = OzgGridHost.Build(Arguments("--OzgGrid:Tls:AllowPlaintext=true"), services => services.AddSingleton<ILoggerProvider>(logs));
        await app.DisposeAsync();

        var warnings = logs.Collector.GetSnapshot().Where(record => record.Level == LogLevel.Warning).Select(record => record.Message).ToList();
        Assert.Single(warnings, message => message.StartsWith("Kestrel:Endpoints:Grpc (http://127.0.0.1:0) serves without TLS", StringComparison.Ordinal));
        Assert.Single(warnings, message => message.StartsWith("Kestrel:Endpoints:Http (http://127.0.0.1:0) serves without TLS", StringComparison.Ordinal));
    }

    /// <summary>A test host's settings in Production (plain HTTP on loopback, as the fixtures use), then <paramref name="settings"/>.</summary>
    private static string[] Arguments(params string[] settings) =>
        TestHost.Arguments(ClusterScope.CreateNew(), FreePort.Next(), ["--environment=Production", .. settings]);
}

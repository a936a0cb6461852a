using System.Net;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using OzgGrid.Cli;
using OzgGrid.Cli.Connection;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Hosting;
using OzgGrid.Silo.Tests.Cli;

namespace OzgGrid.Silo.Tests.Tls;

/// <summary>Outside Development, with the operator's certificate, gRPC and the operations endpoint serve TLS only.</summary>
public sealed class TlsTests(TlsHostFixture fixture) : IClassFixture<TlsHostFixture>
{
    [Fact]
    public async Task The_gateway_serves_grpc_over_tls_to_a_client_that_trusts_the_certificate()
    {
        Assert.Equal(Uri.UriSchemeHttps, fixture.Host.GatewayAddress.Scheme);
        using var channel = TrustingChannel(fixture.Host.TokenFor(Roles.Monitoring, "tls-client"));

        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        var themenfelder = await new ThemenfeldService.ThemenfeldServiceClient(channel).ListThemenfelderAsync(new ListThemenfelderRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal(14, themenfelder.Themenfelder.Count);
    }

    [Fact]
    public async Task A_client_that_does_not_trust_the_certificate_gets_no_answer()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.GatewayAddress);

        var refused = await Assert.ThrowsAsync<RpcException>(() => new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest()).ResponseAsync);

        Assert.NotNull(TrustedCertificates.RefusedCertificate(refused));
    }

    [Fact]
    public async Task The_operations_endpoint_serves_https_with_the_same_certificate()
    {
        Assert.Equal(Uri.UriSchemeHttps, fixture.Host.HttpAddress.Scheme);
        using var http = new HttpClient(Trust().Handler()) { BaseAddress = fixture.Host.HttpAddress };

        using var live = await http.GetAsync(HealthRegistration.LivePath);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Ozgctl_talks_to_an_https_endpoint_trusting_the_certificate_of_ca_file()
    {
        var environment = new Dictionary<string, string?>
        {
            ["OZGCTL_ENDPOINTS"] = fixture.Host.GatewayAddress.ToString(),
            ["OZGCTL_TOKEN"] = fixture.Host.TokenFor(Roles.Monitoring, "ozgctl-tls"),
            ["OZGCTL_TOKEN_FILE"] = null,
            [TrustedCertificates.FileVariable] = null,
        };

        var untrusted = await OzgCtlRunner.InProcessAsync(environment, new CapturedWriter(), ["themenfelder", "list", "--retry-for", "0"]);
        var trusted = await OzgCtlRunner.InProcessAsync(
            environment, new CapturedWriter(), ["themenfelder", "list", "--ca-file", fixture.CertificatePath, "-o", "csv"]);
        environment[TrustedCertificates.FileVariable] = fixture.CertificatePath;
        var trustedByEnvironment = await OzgCtlRunner.InProcessAsync(environment, new CapturedWriter(), ["themenfelder", "list", "-o", "csv"]);

        Assert.Equal(ExitCodes.Unavailable, untrusted.ExitCode);
        Assert.Contains("is not trusted", untrusted.Error, StringComparison.Ordinal);
        Assert.Contains("--ca-file", untrusted.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, trusted.ExitCode);
        Assert.Contains("Bauen & Wohnen", trusted.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, trustedByEnvironment.ExitCode);
    }

    private TrustedCertificates Trust() => TrustedCertificates.Load(fixture.CertificatePath, "the test");

    private GrpcChannel TrustingChannel(string token) => GrpcChannel.ForAddress(fixture.Host.GatewayAddress, new GrpcChannelOptions
    {
        HttpHandler = Trust().Handler(),
        Credentials = ChannelCredentials.Create(ChannelCredentials.SecureSsl, CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("Authorization", $"Bearer {token}");
            return Task.CompletedTask;
        })),
    });
}

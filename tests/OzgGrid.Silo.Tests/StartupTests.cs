using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OzgGrid.Silo.Tests.Hosting;
using OzgGrid.Silo.Tests.Processes;

namespace OzgGrid.Silo.Tests;

/// <summary>What a silo does at start when the shipped catalogue is not where its settings say, or a setting is unusable.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task A_missing_catalogue_folder_fails_the_start_at_once_with_its_reason_instead_of_being_retried()
    {
        var logs = new FakeLoggerProvider();
        var folder = Path.Combine(Path.GetTempPath(), $"no-catalogue-{Guid.NewGuid():N}");
        var app = OzgGridHost.Build(
            TestHost.Arguments(ClusterScope.CreateNew(), FreePort.Next(),
                $"--OzgGrid:Catalog:Directory={folder}", "--Logging:LogLevel:OzgGrid.Silo.Catalog.CatalogStartupLoader=Information"),
            services => services.AddSingleton<ILoggerProvider>(logs));
        try
        {
            var failed = await Assert.ThrowsAnyAsync<IOException>(() => app.StartAsync());

            Assert.Contains(folder, failed.Message);
            var messages = logs.Collector.GetSnapshot().Select(record => record.Message).ToList();
            Assert.Single(messages, message => message.StartsWith("No catalogue yet: importing", StringComparison.Ordinal));
            Assert.DoesNotContain(messages, message => message.Contains("retrying in", StringComparison.Ordinal));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("OzgGrid:Storage:Provider", "--OzgGrid:Storage:Provider=Postgress")]
    [InlineData("OzgGrid:Storage:ConnectionString", "--OzgGrid:Storage:ConnectionString=ozggrid-storage")]
    [InlineData("OzgGrid:Storage:PostgresConnectionString", "--OzgGrid:Storage:Provider=Postgres")]
    [InlineData("OzgGrid:Cluster:AdvertisedAddress", "--OzgGrid:Cluster:AdvertisedAddress=silo-eins")]
    [InlineData("OzgGrid:SettingsFile", "--OzgGrid:SettingsFile=/no/such/folder/ozggrid.json")]
    [InlineData("OzgGrid:Tls:CertificatePath", "--OzgGrid:Tls:CertificatePath=/no/such/folder/ozggrid.crt", "--OzgGrid:Tls:KeyPath=/no/such/folder/ozggrid.key")]
    [InlineData("OzgGrid:Auth:SigningKeys", "--OzgGrid:Auth:SigningKeys:0=not base64")]
    public async Task The_silo_program_with_an_unusable_setting_exits_with_code_1_and_one_line_naming_the_setting(string setting, params string[] settings)
    {
        var (exitCode, output) = await SiloProcess.RunToExitAsync(
            TestHost.Arguments(ClusterScope.CreateNew(), FreePort.Next(), settings), TimeSpan.FromSeconds(90));

        Assert.True(exitCode == 1, $"Expected exit code 1 for an unusable {setting}, not {exitCode?.ToString() ?? "a silo still running"}:\n{output}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var refusal = Assert.Single(lines);
        Assert.StartsWith("ozggrid: Refusing to start: ", refusal, StringComparison.Ordinal);
        Assert.Contains(setting, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_silo_program_whose_storage_never_answers_gives_up_after_about_a_minute_naming_the_setting()
    {
        var nobody = $"http://127.0.0.1:{FreePort.Next()}/devstoreaccount1";
        var connectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Convert.ToBase64String(new byte[64])};" +
            $"BlobEndpoint={nobody};TableEndpoint={nobody};";

        var (exitCode, output) = await SiloProcess.RunToExitAsync(
            TestHost.Arguments(ClusterScope.CreateNew(), FreePort.Next(), $"--OzgGrid:Storage:ConnectionString={connectionString}"), TimeSpan.FromMinutes(3));

        Assert.True(exitCode == 1, $"Expected exit code 1 for storage that never answers, not {exitCode?.ToString() ?? "a silo still running after 3 minutes"}:\n{output[^Math.Min(output.Length, 3000)..]}");
        var refusal = Assert.Single(output.Split('\n', StringSplitOptions.TrimEntries), line => line.StartsWith("ozggrid: ", StringComparison.Ordinal));
        Assert.StartsWith("ozggrid: Refusing to start: ", refusal, StringComparison.Ordinal);
        Assert.Contains("OzgGrid:Storage:ConnectionString", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}

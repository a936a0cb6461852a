using System.Diagnostics;
using System.Text.Json;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// docker-compose.yml and its PostgreSQL variant docker-compose.postgres.yml, validated by Debian's docker-compose
/// (`./ozg test` installs it; no Docker engine is needed):
/// it must parse, scale, keep the defaults of `./ozg run`, and follow the defaults outside Development (TLS, storage
/// unpublished under the operator's key).
/// </summary>
public sealed class DockerComposeTests
{
    private const string SigningKey = "dGVzdC1rZXktZm9yLWNvbXBvc2UtdmFsaWRhdGlvbi0wMQ==";
    private const string StorageKey = "c3RvcmFnZS1rZXktZm9yLWNvbXBvc2UtdmFsaWRhdGlvbg==";
    private const string TlsDirectory = "/etc/ozggrid-test-tls";
    private const string DatabasePassword = "ZGF0YWJhc2UtcGFzc3dvcmQtZm9yLXRlc3Rz";
    private const string PostgresComposeFile = "docker-compose.postgres.yml";

    /// <summary>Azurite's well-known development key: public, so it must not guard a deployment's storage.</summary>
    private const string PublicAzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly (string Name, string? Value)[] Operator =
        [("OZGGRID_SIGNING_KEY", SigningKey), ("OZGGRID_STORAGE_KEY", StorageKey), ("OZGGRID_TLS_DIR", TlsDirectory)];

    [Fact]
    public async Task The_compose_file_is_valid_scalable_and_in_step_with_the_silo_defaults()
    {
        var (valid, config, _) = await ComposeAsync(Operator, "config");
        var (withoutKey, _, error) = await ComposeAsync(Without("OZGGRID_SIGNING_KEY"), "config", "-q");

        Assert.True(valid, config);
        var grpcDefault = DefaultGrpcPort();
        Assert.Contains($"Kestrel__Endpoints__Grpc__Url: https://0.0.0.0:{grpcDefault}", config);
        Assert.Contains("OzgGrid__Cluster__AdvertisedAddress: auto", config);
        Assert.Contains($"- target: {grpcDefault}", config);
        Assert.DoesNotContain($"published: {grpcDefault}", config); // a fixed host port would clash with --scale
        Assert.Contains("healthcheck:", config);
        Assert.False(withoutKey);
        Assert.Contains("OZGGRID_SIGNING_KEY", error);
    }

    [Fact]
    public async Task The_silos_run_as_Production_and_serve_TLS_with_the_mounted_certificate()
    {
        var (_, config, _) = await ComposeAsync(Operator, "config");
        var (withoutCertificate, _, error) = await ComposeAsync(Without("OZGGRID_TLS_DIR"), "config", "-q");

        var silo = Service(config, "silo");
        Assert.Contains("ASPNETCORE_ENVIRONMENT: Production", silo);
        Assert.Contains("Kestrel__Endpoints__Grpc__Url: https://", silo);
        Assert.Contains("Kestrel__Endpoints__Http__Url: https://", silo);
        Assert.DoesNotContain("Url: http://", silo);
        Assert.DoesNotContain("AllowPlaintext", silo);
        Assert.Contains("OzgGrid__Tls__CertificatePath: /run/ozggrid/tls/ozggrid.crt", silo);
        Assert.Contains("OzgGrid__Tls__KeyPath: /run/ozggrid/tls/ozggrid.key", silo);
        Assert.Contains($"- {TlsDirectory}:/run/ozggrid/tls:ro", silo);
        Assert.False(withoutCertificate);
        Assert.Contains("OZGGRID_TLS_DIR", error);
    }

    [Fact]
    public async Task Storage_is_not_published_and_uses_the_operator_s_key_not_the_public_one()
    {
        var (_, config, _) = await ComposeAsync(Operator, "config");
        var (withoutKey, _, error) = await ComposeAsync(Without("OZGGRID_STORAGE_KEY"), "config", "-q");

        var azurite = Service(config, "azurite");
        Assert.DoesNotContain("ports:", azurite);
        Assert.Contains($"AZURITE_ACCOUNTS: ozggrid:{StorageKey}", azurite);
        Assert.Contains($"AccountName=ozggrid;AccountKey={StorageKey};", Service(config, "silo"));
        Assert.DoesNotContain(PublicAzuriteKey, config);
        Assert.DoesNotContain("devstoreaccount1", config);
        Assert.False(withoutKey);
        Assert.Contains("OZGGRID_STORAGE_KEY", error);
    }

    [Fact]
    public async Task The_PostgreSQL_variant_is_valid_keeps_the_database_unpublished_and_needs_the_operator_s_password()
    {
        (string Name, string? Value)[] withPassword = [.. Operator, ("OZGGRID_DB_PASSWORD", DatabasePassword)];
        var (valid, config, _) = await ComposeFileAsync(PostgresComposeFile, withPassword, "config");
        var (withoutPassword, _, error) = await ComposeFileAsync(PostgresComposeFile, Operator, "config", "-q");

        Assert.True(valid, config);
        var silo = Service(config, "silo");
        Assert.DoesNotContain("ports:", Service(config, "postgres"));
        Assert.DoesNotContain("  azurite:", config);
        Assert.Contains("OzgGrid__Storage__Provider: Postgres", silo);
        Assert.Contains($"OzgGrid__Storage__PostgresConnectionString: Host=postgres;Port=5432;Database=ozggrid;Username=ozggrid;Password={DatabasePassword}", silo);
        Assert.Contains($"POSTGRES_PASSWORD: {DatabasePassword}", Service(config, "postgres"));
        Assert.Contains("ASPNETCORE_ENVIRONMENT: Production", silo);
        Assert.Contains($"Kestrel__Endpoints__Grpc__Url: https://0.0.0.0:{DefaultGrpcPort()}", silo);
        Assert.Contains("condition: service_healthy", silo);
        Assert.False(withoutPassword);
        Assert.Contains("OZGGRID_DB_PASSWORD", error);
    }

    private static (string Name, string? Value)[] Without(string name) =>
        [.. Operator.Select(variable => variable.Name == name ? (variable.Name, null) : variable)];

    /// <summary>The lines of one service in `docker-compose config` (two spaces in, up to the next service).</summary>
    private static string Service(string config, string name)
    {
        var lines = config.Split('\n');
        var start = Array.IndexOf(lines, $"  {name}:");
        Assert.True(start >= 0, $"no service {name} in:\n{config}");
        return string.Join('\n', lines.Skip(start + 1).TakeWhile(line => line.StartsWith("   ", StringComparison.Ordinal) || line.Length == 0));
    }

    private static int DefaultGrpcPort()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "services", "OzgGrid.Silo", "appsettings.json")));
        var url = settings.RootElement.GetProperty("Kestrel").GetProperty("Endpoints").GetProperty("Grpc").GetProperty("Url").GetString()!;
        return new Uri(url).Port;
    }

    private static Task<(bool Succeeded, string Output, string Error)> ComposeAsync((string Name, string? Value)[] variables, params string[] arguments) =>
        ComposeFileAsync("docker-compose.yml", variables, arguments);

    private static async Task<(bool Succeeded, string Output, string Error)> ComposeFileAsync(string file, (string Name, string? Value)[] variables, params string[] arguments)
    {
        var start = new ProcessStartInfo("docker-compose")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(file);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in variables)
        {
            start.Environment.Remove(name);
            if (value is not null)
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("docker-compose did not start (`./ozg test` installs it).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode == 0, await output, await error);
    }
}

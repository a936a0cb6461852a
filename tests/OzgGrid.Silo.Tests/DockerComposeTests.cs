using System.Diagnostics;
using System.Text.Json;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// docker-compose.yml, validated by Debian's docker-compose (`./ozg test` installs it; no Docker engine is needed):
/// it must parse, scale, and keep the defaults of `./ozg run`.
/// </summary>
public sealed class DockerComposeTests
{
    [Fact]
    public async Task The_compose_file_is_valid_scalable_and_in_step_with_the_silo_defaults()
    {
        var (valid, config, _) = await ComposeAsync(("OZGGRID_SIGNING_KEY", "dGVzdC1rZXktZm9yLWNvbXBvc2UtdmFsaWRhdGlvbi0wMQ=="), "config");
        var (withoutKey, _, error) = await ComposeAsync(("OZGGRID_SIGNING_KEY", null), "config", "-q");

        Assert.True(valid, config);
        var grpcDefault = DefaultGrpcPort();
        Assert.Contains($"Kestrel__Endpoints__Grpc__Url: http://0.0.0.0:{grpcDefault}", config);
        Assert.Contains("OzgGrid__Cluster__AdvertisedAddress: auto", config);
        Assert.Contains($"- target: {grpcDefault}", config);
        Assert.DoesNotContain($"published: {grpcDefault}", config); // a fixed host port would clash with --scale
        Assert.Contains("healthcheck:", config);
        Assert.False(withoutKey);
        Assert.Contains("OZGGRID_SIGNING_KEY", error);
    }

    private static int DefaultGrpcPort()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "services", "OzgGrid.Silo", "appsettings.json")));
        var url = settings.RootElement.GetProperty("Kestrel").GetProperty("Endpoints").GetProperty("Grpc").GetProperty("Url").GetString()!;
        return new Uri(url).Port;
    }

    private static async Task<(bool Succeeded, string Output, string Error)> ComposeAsync((string Name, string? Value) variable, params string[] arguments)
    {
        var start = new ProcessStartInfo("docker-compose")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add("docker-compose.yml");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove(variable.Name);
        if (variable.Value is not null)
        {
            start.Environment[variable.Name] = variable.Value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("docker-compose did not start (`./ozg test` installs it).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode == 0, await output, await error);
    }
}

using System.Diagnostics;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// deploy/kubernetes, validated offline by tests/kubernetes/validate.mjs (`./ozg test` installs its npm packages):
/// both overlays render, every object passes the Kubernetes schemas, and probes, ports, references and documentation
/// agree with the silo and README.md. A broken manifest must fail the check.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static string Manifests => Path.Combine(Repository.Root, "deploy", "kubernetes");

    [Fact]
    public async Task The_manifests_of_both_stores_validate()
    {
        var (succeeded, output, error) = await ValidateAsync(Manifests);

        Assert.True(succeeded, output + error);
        Assert.Contains("2 overlays", output);
        Assert.Contains(", 0 failed", output);
    }

    [Theory]
    [InlineData("base/deployment.yaml", "path: /healthz/ready", "path: /ready", "readinessProbe path /ready is not one the silo maps")]
    [InlineData("base/deployment.yaml", "containerPort: 8080", "containerPort: \"8080\"", "containerPort must be integer")]
    [InlineData("base/configmap.yaml", "https://0.0.0.0:5080", "https://0.0.0.0:5081", "Grpc endpoint https://0.0.0.0:5081 is not the container port \"grpc\"")]
    [InlineData("base/role.yaml", "\"list\", \"watch\"", "\"list\"", "may not watch pods")]
    [InlineData("base/service-http.yaml", "targetPort: http", "targetPort: https", "targets port https, which the silo container does not have")]
    [InlineData("overlays/postgres/kustomization.yaml", "key: postgres-connection-string", "key: database-url", "Secret ozggrid-storage key database-url, not documented")]
    [InlineData("overlays/azure-storage/kustomization.yaml", "value: AzureStorage", "value: Azure", "OzgGrid__Storage__Provider Azure is none of")]
    public async Task A_broken_manifest_fails_the_validation(string file, string original, string broken, string finding)
    {
        var copy = Directory.CreateTempSubdirectory("ozggrid-kubernetes-");
        try
        {
            CopyFolder(Manifests, copy.FullName);
            var path = Path.Combine(copy.FullName, file);
            var text = await File.ReadAllTextAsync(path);
            Assert.Contains(original, text);
            await File.WriteAllTextAsync(path, text.Replace(original, broken, StringComparison.Ordinal));

            var (succeeded, output, error) = await ValidateAsync(copy.FullName);

            Assert.False(succeeded, output);
            Assert.Contains(finding, error);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task<(bool Succeeded, string Output, string Error)> ValidateAsync(string manifests)
    {
        var validator = Path.Combine(Repository.Root, "tests", "kubernetes");
        Assert.True(Directory.Exists(Path.Combine(validator, "node_modules")), "tests/kubernetes has no node_modules: run the tests with `./ozg test`, which installs them.");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = validator,
            ArgumentList = { "validate.mjs", "--manifests", manifests },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode == 0, await output, await error);
    }
}

using System.Diagnostics;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Processes;

/// <summary>
/// POD_NAMESPACE (set by deploy/kubernetes) puts the silo on Microsoft.Orleans.Hosting.Kubernetes. Outside a cluster
/// such a silo must refuse to start, saying it found no in-cluster configuration, rather than run unnoticed without
/// the pod watch; without the variable (every other test) the silo starts as before.
/// </summary>
public sealed class KubernetesHostingSwitchTests
{
    [Fact]
    public async Task A_silo_told_it_runs_in_a_pod_uses_the_Kubernetes_hosting_and_outside_a_cluster_refuses_to_start()
    {
        var scope = ClusterScope.CreateNew();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                SiloProcess.SiloAssembly(),
                "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
                "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:0",
                "--OzgGrid:Tls:AllowPlaintext=true",
                $"--OzgGrid:Cluster:SiloPort={FreePort.Next()}",
                $"--OzgGrid:Cluster:ServiceId={scope.ServiceId}",
                $"--OzgGrid:Cluster:ClusterId={scope.ServiceId}",
                $"--OzgGrid:Auth:SigningKeys:0={scope.Auth.SigningKeys[0]}",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var setting in TestStorage.PostgresSettings)
        {
            start.ArgumentList.Add(setting);
        }

        start.Environment["POD_NAMESPACE"] = "ozggrid-test";
        start.Environment["POD_NAME"] = $"silo-{scope.ServiceId}";
        start.Environment["POD_IP"] = "127.0.0.1";
        start.Environment.Remove("KUBERNETES_SERVICE_HOST");
        start.Environment.Remove("KUBERNETES_SERVICE_PORT");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The silo with POD_NAMESPACE set kept running outside a cluster: the Kubernetes hosting is not on.");
        }

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("Unable to load in-cluster configuration", await output + await error);
    }
}

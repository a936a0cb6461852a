using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Processes;

/// <summary>
/// A silo started on a port another process holds, as when `./ozg silo N` is given a number already running: it must
/// refuse to start naming the setting, before it joins the cluster. A silo that joined on the silo port of a running
/// one would take that one's place in the membership table and declare it dead.
/// </summary>
public sealed class SiloPortsInUseTests
{
    private static readonly TimeSpan RefusalDeadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_silo_on_the_silo_port_of_a_running_silo_refuses_to_start_and_the_running_silo_goes_on_serving()
    {
        var scope = ClusterScope.CreateNew();
        await using var running = await SiloProcess.StartAsync(scope, [$"--OzgGrid:Storage:ConnectionString={TestStorage.ConnectionString}"]);

        var (exitCode, output) = await SiloProcess.RunToExitAsync(TestHost.Arguments(scope, running.SiloPort), RefusalDeadline);

        Assert.True(exitCode == 1, $"The second silo on silo port {running.SiloPort} should refuse to start with exit code 1, not {exitCode?.ToString() ?? "keep running"}:\n{output}");
        Assert.Contains($"OzgGrid:Cluster:SiloPort", output, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{running.SiloPort}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.False(running.HasExited, "The running silo died when a second silo was started on its silo port.");
        Assert.True(await running.IsServingAsync(), "The running silo is no longer ready after a second silo was started on its silo port.");
    }

    [Fact]
    public async Task A_silo_on_the_grpc_port_of_a_running_silo_refuses_to_start_naming_the_endpoint_setting_without_a_stack_trace()
    {
        var scope = ClusterScope.CreateNew();
        await using var running = await SiloProcess.StartAsync(scope, [$"--OzgGrid:Storage:ConnectionString={TestStorage.ConnectionString}"]);

        var (exitCode, output) = await SiloProcess.RunToExitAsync(
            TestHost.Arguments(scope, FreePort.Next(), $"--Kestrel:Endpoints:Grpc:Url={running.Address}"), RefusalDeadline);

        Assert.True(exitCode == 1, $"The second silo on gRPC port {running.GrpcPort} should refuse to start with exit code 1, not {exitCode?.ToString() ?? "keep running"}:\n{output}");
        Assert.Contains($"Kestrel:Endpoints:Grpc:Url ({running.Address})", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.True(await running.IsServingAsync(), "The running silo is no longer ready after a second silo was started on its gRPC port.");
    }
}

using System.Diagnostics;
using OzgGrid.Benchmarks.Hosting;
using OzgGrid.Benchmarks.Soak;

namespace OzgGrid.Benchmarks.Tests.Hosting;

/// <summary>Ports are claimed across processes: the test assemblies run side by side and each hands out ports.</summary>
public sealed class FreePortTests
{
    [Fact]
    public async Task A_port_another_process_has_claimed_is_not_claimed_until_that_process_lets_it_go()
    {
        // Port 1 is never handed out, so no test process claims its file meanwhile; util-linux's flock takes the same lock.
        Directory.CreateDirectory(FreePort.ClaimFolder);
        var file = Path.Combine(FreePort.ClaimFolder, "1");
        // It waits for the lock (not --nonblock): the probe below holds it for an instant while it looks.
        using var other = Process.Start(new ProcessStartInfo("flock", ["--close", file, "sleep", "60"]))
            ?? throw new InvalidOperationException("flock did not start.");
        try
        {
            Assert.True(await Poll.UntilAsync(() => Task.FromResult(IsLocked(file)), TimeSpan.FromSeconds(30)), "The other process did not take the claim.");

            Assert.False(FreePort.TryClaim(1));
        }
        finally
        {
            other.Kill(entireProcessTree: true);
            await other.WaitForExitAsync();
        }

        Assert.True(FreePort.TryClaim(1));
    }

    private static bool IsLocked(string file)
    {
        using var probe = Process.Start(new ProcessStartInfo("flock", ["--nonblock", file, "true"]))!;
        probe.WaitForExit();
        return probe.ExitCode != 0;
    }
}

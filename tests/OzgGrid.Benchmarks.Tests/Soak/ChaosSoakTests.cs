using OzgGrid.Benchmarks.Soak;
using Xunit.Abstractions;

namespace OzgGrid.Benchmarks.Tests.Soak;

/// <summary>
/// The chaos soak for one minute: three silo processes on an Azurite of the soak's own, a silo killed, a silo stopped
/// and storage taken away once each (a fixed seed, so the same faults every run), under the mixed load.
/// </summary>
public sealed class ChaosSoakTests(ITestOutputHelper testOutput)
{
    /// <summary>A hung soak fails instead of stalling the suite; a minute of load takes about three on a busy 2-core machine.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task A_minute_of_load_with_a_silo_killed_a_silo_stopped_and_storage_down_loses_nothing_and_answers_no_UNKNOWN_or_INTERNAL()
    {
        var logs = Environment.GetEnvironmentVariable("OZGGRID_TEST_SILO_LOG_DIR") is { Length: > 0 } folder ? folder : Path.GetTempPath();
        var options = new SoakOptions(
            Duration: TimeSpan.FromMinutes(1), FaultInterval: TimeSpan.FromSeconds(15), MaxFaults: 3, Seed: 17, StatusWriters: 2, Watchers: 2, LogDirectory: logs);
        using var report = new StringWriter();
        using var timeout = new CancellationTokenSource(Timeout);
        SoakResult result;
        try
        {
            result = await new ChaosSoak(options, report).RunAsync(timeout.Token);
        }
        finally
        {
            testOutput.WriteLine(report.ToString());
        }

        Assert.Equal([1, 1, 1], Enum.GetValues<FaultKind>().Select(result.FaultsOf));
        Assert.True(result.WritesAcknowledged > 0 && result.ReportsAcknowledged > 0, "Nothing was acknowledged.");
        Assert.Equal(0, result.Lost);
        Assert.Equal(0, result.Unrepaired);
        Assert.Equal(0, result.Defects);
        Assert.Equal(0, result.FaultsNotRecovered);
        Assert.Empty(result.HostileMisanswered);
        Assert.Contains("## Chaos soak", report.ToString());
    }
}

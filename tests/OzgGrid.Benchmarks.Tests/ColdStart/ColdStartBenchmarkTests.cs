using OzgGrid.Benchmarks.ColdStart;
using OzgGrid.Benchmarks.Tests.Hosting;
using Xunit.Abstractions;

namespace OzgGrid.Benchmarks.Tests.ColdStart;

/// <summary>Smoke test of P6 in quick mode: one silo process started, answered and stopped (the time is not judged).</summary>
public sealed class ColdStartBenchmarkTests(ITestOutputHelper testOutput)
{
    [Fact]
    public async Task P6_in_quick_mode_times_a_silo_process_from_start_to_its_first_answer()
    {
        var (runs, report) = await QuickRun.RunAsync(testOutput, (output, cancellationToken) =>
            new ColdStartBenchmark(RunCounts.QuickMode, TestStorage.ConnectionString, output).RunAsync(cancellationToken));

        var run = Assert.Single(runs);
        Assert.True(run.ServingSeconds > 0, "The time to SERVING was not measured.");
        Assert.True(run.FirstAnswerSeconds >= run.ServingSeconds, "The first answer came before the silo served.");
        Assert.True(run.SiloCpuSeconds > 0, "The silo's CPU time was not read.");
        Assert.Contains("## P6", report);
    }
}

using OzgGrid.Benchmarks.P4;
using OzgGrid.Benchmarks.Tests.Hosting;
using Xunit.Abstractions;

namespace OzgGrid.Benchmarks.Tests.P4;

/// <summary>Smoke test of P4 in quick mode: the entries are activated without refusals and the summary read is timed at each level.</summary>
public sealed class P4BenchmarkTests(ITestOutputHelper testOutput)
{
    [Fact]
    public async Task P4_in_quick_mode_activates_every_entry_and_times_the_programme_summary_at_each_level()
    {
        var quick = new P4Options(P4Options.QuickLevels, Reads: 10, BatchSize: 500, Parallelism: 4, Quick: true);

        var (exitCode, report) = await QuickRun.RunAsync(testOutput, (output, cancellationToken) =>
            new P4ResidentRollout(quick, output).RunAsync(cancellationToken));

        Assert.Equal(0, exitCode);
        Assert.Contains("| 5,000 | 4,000 |", report);
        Assert.Contains("refused entries: 0", report);
        Assert.Contains("p4 --quick", report);
    }
}

using Xunit.Abstractions;

namespace OzgGrid.Benchmarks.Tests.Hosting;

/// <summary>
/// Runs a benchmark in quick mode with its report going to a string, bounded in time, and hands the report to the
/// test's output (so a failing smoke test shows what the harness printed).
/// </summary>
public static class QuickRun
{
    /// <summary>Longer than any quick run takes on a busy 2-core machine; a hung harness fails instead of stalling the suite.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    public static async Task<(T Result, string Report)> RunAsync<T>(ITestOutputHelper testOutput, Func<TextWriter, CancellationToken, Task<T>> benchmark)
    {
        using var report = new StringWriter();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            var result = await benchmark(report, timeout.Token);
            return (result, report.ToString());
        }
        finally
        {
            testOutput.WriteLine(report.ToString());
        }
    }
}

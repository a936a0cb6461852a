using OzgGrid.Benchmarks.CatalogImport;
using OzgGrid.Benchmarks.Tests.Hosting;
using Xunit.Abstractions;

namespace OzgGrid.Benchmarks.Tests.CatalogImport;

/// <summary>Smoke test of P5 in quick mode: one import timed, a second one that changes nothing (the time is not judged).</summary>
public sealed class CatalogImportBenchmarkTests(ITestOutputHelper testOutput)
{
    [Fact]
    public async Task P5_in_quick_mode_times_an_import_and_shows_that_a_second_import_changes_nothing()
    {
        var (runs, report) = await QuickRun.RunAsync(testOutput, (output, cancellationToken) =>
            new CatalogImportBenchmark(RunCounts.QuickMode, TestStorage.ConnectionString, output).RunAsync(cancellationToken));

        var run = Assert.Single(runs);
        Assert.True(run.FirstSeconds > 0 && run.SecondSeconds > 0, "An import was not timed.");
        Assert.True(run.FirstCreated > 0, "The first import created no Leistung.");
        Assert.Equal(run.FirstCreated, run.SecondUnchanged);
        Assert.True(run.SecondChangedNothing, $"The second import changed: {string.Join(", ", run.ChangedBySecond)}.");
        Assert.True(run.StoredItems > run.FirstCreated, "The storage snapshot found too few items.");
        Assert.Contains("## P5", report);
    }
}

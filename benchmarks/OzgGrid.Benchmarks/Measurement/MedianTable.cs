using System.Globalization;

namespace OzgGrid.Benchmarks.Measurement;

/// <summary>A Markdown table of figures: one row per figure, its median over the runs, then each run's value.</summary>
public sealed class MedianTable<TRun>(TextWriter output, IReadOnlyList<TRun> runs, Func<TRun, int> runNumber)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public void WriteHeader()
    {
        var header = string.Join(" | ", runs.Select(run => $"run {runNumber(run)}"));
        output.WriteLine($"| figure | median | {header} |");
        output.WriteLine($"| --- | ---: |{string.Concat(runs.Select(_ => " ---: |"))}");
    }

    /// <summary>One figure; with <paramref name="second"/> each cell shows two values ("a / b").</summary>
    public void Row(string figure, Func<TRun, double> value, string format, Func<TRun, double>? second = null)
    {
        var median = Cell(Median.Of(runs.Select(value)), second is null ? double.NaN : Median.Of(runs.Select(second)), format);
        var cells = string.Join(" | ", runs.Select(run => Cell(value(run), second?.Invoke(run) ?? double.NaN, format)));
        output.WriteLine($"| {figure} | {median} | {cells} |");
    }

    private static string Cell(double value, double second, string format) => double.IsNaN(second)
        ? value.ToString(format, Invariant)
        : $"{value.ToString(format, Invariant)} / {second.ToString(format, Invariant)}";
}

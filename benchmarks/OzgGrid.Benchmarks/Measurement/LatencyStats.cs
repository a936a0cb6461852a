using System.Diagnostics;

namespace OzgGrid.Benchmarks.Measurement;

/// <summary>Percentiles (nearest rank) of a set of durations, in milliseconds.</summary>
public sealed record LatencyStats(long Count, double P50, double P90, double P99, double Max)
{
    public static readonly LatencyStats Empty = new(0, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>The statistics of the first <paramref name="count"/> durations in Stopwatch ticks; sorts them in place.</summary>
    public static LatencyStats FromTicks(long[] ticks, int count)
    {
        if (count == 0)
        {
            return Empty;
        }

        var span = ticks.AsSpan(0, count);
        span.Sort();
        return new LatencyStats(
            count,
            ToMilliseconds(Percentile(span, 0.50)),
            ToMilliseconds(Percentile(span, 0.90)),
            ToMilliseconds(Percentile(span, 0.99)),
            ToMilliseconds(span[^1]));
    }

    public static double ToMilliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static long Percentile(ReadOnlySpan<long> sorted, double fraction)
    {
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

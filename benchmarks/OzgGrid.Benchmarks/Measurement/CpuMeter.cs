using System.Diagnostics;
using System.Globalization;

namespace OzgGrid.Benchmarks.Measurement;

/// <summary>
/// CPU used over an interval, as a share of all cores: by this process (host and load generator together) and by the
/// whole machine (from /proc/stat), so that other work on a shared machine shows up.
/// </summary>
public sealed class CpuMeter
{
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly TimeSpan _processStart = ProcessTime();
    private readonly (long Busy, long Total)? _machineStart = MachineTicks();

    public static CpuMeter Start() => new();

    /// <summary>Percent of all cores used since <see cref="Start"/>: (this process, the whole machine or NaN).</summary>
    public (double Process, double Machine) Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_startedAt);
        var process = (ProcessTime() - _processStart) / (wall * Environment.ProcessorCount) * 100;
        var machine = double.NaN;
        if (_machineStart is { } start && MachineTicks() is { } end && end.Total > start.Total)
        {
            machine = 100.0 * (end.Busy - start.Busy) / (end.Total - start.Total);
        }

        return (process, machine);
    }

    private static TimeSpan ProcessTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Busy and total jiffies of all cores: the first line of /proc/stat ("cpu user nice system idle iowait …").</summary>
    private static (long Busy, long Total)? MachineTicks()
    {
        const string Path = "/proc/stat";
        var line = File.Exists(Path) ? File.ReadLines(Path).FirstOrDefault() : null;
        if (line is null || !line.StartsWith("cpu ", StringComparison.Ordinal))
        {
            return null;
        }

        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + fields[4];
        var total = fields.Sum();
        return (total - idle, total);
    }
}

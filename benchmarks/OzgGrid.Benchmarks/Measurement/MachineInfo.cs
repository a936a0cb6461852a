namespace OzgGrid.Benchmarks.Measurement;

/// <summary>What the figures were measured on: absolute figures mean something only with the machine.</summary>
public sealed record MachineInfo(int ProcessorCount, string CpuModel, string LoadAverage, string Runtime)
{
    public static MachineInfo Read() => new(
        Environment.ProcessorCount,
        ReadCpuModel(),
        ReadFirstLine("/proc/loadavg") is { } load ? string.Join(' ', load.Split(' ').Take(3)) : "unknown",
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);

    public override string ToString() =>
        $"{ProcessorCount} cores (nproc), {CpuModel}, load average {LoadAverage} at start, {Runtime}";

    private static string ReadCpuModel()
    {
        const string Path = "/proc/cpuinfo";
        if (!File.Exists(Path))
        {
            return "unknown CPU";
        }

        var line = File.ReadLines(Path).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? "unknown CPU" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string? ReadFirstLine(string path) => File.Exists(path) ? File.ReadLines(path).FirstOrDefault() : null;
}

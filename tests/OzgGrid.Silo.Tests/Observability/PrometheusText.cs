using System.Globalization;

namespace OzgGrid.Silo.Tests.Observability;

/// <summary>A Prometheus text exposition, read just enough to find samples by name and label.</summary>
public sealed class PrometheusText(string text)
{
    public string Text { get; } = text;

    /// <summary>The values of every sample of <paramref name="metric"/> whose labels contain <paramref name="label"/> (e.g. reason="NotFound").</summary>
    public IReadOnlyList<double> Values(string metric, string? label = null) =>
    [
        .. Text.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(line => label is null || line.Contains(label, StringComparison.Ordinal))
            .Select(line => double.Parse(ValueOf(line), CultureInfo.InvariantCulture)),
    ];

    /// <summary>The sum over the samples of <paramref name="metric"/> (0 if there are none).</summary>
    public double Sum(string metric, string? label = null) => Values(metric, label).Sum();

    /// <summary>The names of all metrics with samples.</summary>
    public IEnumerable<string> Names() =>
        Text.Split('\n').Where(line => line.Length > 0 && line[0] != '#').Select(line => line.Split('{', ' ')[0]).Distinct();

    public override string ToString() => Text;

    /// <summary>"name{labels} value [timestamp]": the value follows the labels (which may hold spaces).</summary>
    private static string ValueOf(string line)
    {
        var afterLabels = line[(line.LastIndexOf('}') + 1)..].Trim();
        return afterLabels.Split(' ')[0];
    }
}

using System.Globalization;

namespace OzgGrid.Grains.Abstractions.Monitoring;

/// <summary>
/// A position in the stream of published changes. The epoch changes whenever the aggregator is activated anew,
/// so a cursor of an earlier epoch can never be confused with a position in the current one.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.MonitoringCursor")]
public sealed record MonitoringCursor([property: Id(0)] long Epoch, [property: Id(1)] long Sequence)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Epoch}.{Sequence}");

    public static bool TryParse(string? text, out MonitoringCursor cursor)
    {
        cursor = new MonitoringCursor(0, 0);
        var parts = (text ?? string.Empty).Split('.');
        if (parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            cursor = new MonitoringCursor(epoch, sequence);
            return true;
        }

        return false;
    }
}

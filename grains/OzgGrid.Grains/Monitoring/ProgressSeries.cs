using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Monitoring;

namespace OzgGrid.Grains.Monitoring;

/// <summary>The headline figures at the end of each day: the latest figures of a day replace those recorded earlier that day.</summary>
public sealed class ProgressSeries(TimeProvider clock)
{
    public ImmutableSortedDictionary<DateOnly, ProgressPoint> Points { get; private set; } = ImmutableSortedDictionary<DateOnly, ProgressPoint>.Empty;

    public void Restore(ImmutableSortedDictionary<DateOnly, ProgressPoint> points) => Points = points;

    public void Record(LeistungTally tally)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Points = Points.SetItem(today, new ProgressPoint(today, tally[FigureKeys.Leistungen], tally[FigureKeys.OzgKonform], tally[FigureKeys.Online]));
    }

    public ImmutableArray<ProgressPoint> Between(DateOnly firstDay, DateOnly lastDay) =>
        [.. Points.Values.Where(point => point.Day >= firstDay && point.Day <= lastDay)];
}

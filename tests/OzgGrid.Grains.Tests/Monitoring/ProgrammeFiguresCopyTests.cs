using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Monitoring;
using static OzgGrid.Grains.Tests.Monitoring.MonitoringSamples;

namespace OzgGrid.Grains.Tests.Monitoring;

/// <summary>The aggregator's copy of the programme-management figures, fed events as the figures grain numbers them.</summary>
public sealed class ProgrammeFiguresCopyTests
{
    private readonly ProgrammeFiguresCopy _copy = new();
    private readonly ChangeSequence _sequence = new();

    [Fact]
    public void Consecutive_events_are_taken_and_numbered_without_a_gap()
    {
        var (published, afterGap) = _copy.Take([Event(1, "efa/leistungen", 1), Event(2, "efa/leistungen", 2)], _ => Leistung(), _sequence);

        Assert.False(afterGap);
        Assert.Equal([1L, 2L], published.Select(change => change.Sequence));
        Assert.Equal(2, _copy.Sequence);
        Assert.Equal(2, _copy.Figures["efa/leistungen"]);
    }

    [Fact]
    public void An_event_whose_predecessor_never_came_is_taken_and_shows_the_gap()
    {
        _copy.Take([Event(1, "efa/leistungen", 1)], _ => Leistung(), _sequence);

        var (published, afterGap) = _copy.Take([Event(3, "efa/land/HB/bereitgestellt", 1)], _ => Leistung(), _sequence);

        Assert.True(afterGap);
        Assert.Single(published);
        Assert.Equal(3, _copy.Sequence);
        Assert.Equal(1, _copy.Figures["efa/land/HB/bereitgestellt"]);
    }

    [Fact]
    public void An_event_taken_before_is_ignored_and_shows_no_gap()
    {
        _copy.Take([Event(1, "efa/leistungen", 1), Event(2, "efa/leistungen", 2)], _ => Leistung(), _sequence);

        var (published, afterGap) = _copy.Take([Event(1, "efa/leistungen", 1)], _ => Leistung(), _sequence);

        Assert.False(afterGap);
        Assert.Empty(published);
        Assert.Equal(2, _copy.Figures["efa/leistungen"]);
    }

    [Fact]
    public void Taking_the_figures_grains_figures_reports_the_keys_that_differed_and_drops_those_at_zero()
    {
        _copy.Take([Event(1, "efa/leistungen", 1), Event(2, "efa/land/HB/bereitgestellt", 1)], _ => Leistung(), _sequence);

        var drifted = _copy.TakeFrom(new ProgrammeFiguresSnapshot(5, new Dictionary<string, long> { ["efa/leistungen"] = 2 }.ToImmutableSortedDictionary()));

        Assert.Equal(["efa/land/HB/bereitgestellt", "efa/leistungen"], drifted);
        Assert.Equal(5, _copy.Sequence);
        Assert.Equal(new Dictionary<string, long> { ["efa/leistungen"] = 2 }, _copy.Figures);
    }

    private static ProgrammeEvent Event(long sequence, string key, long value) =>
        new(sequence, ProgrammeEventKind.NachnutzungGeaendert, 10000, "test", DateTimeOffset.UtcNow, [new Figure(key, value)], "test", [], [], [], null);
}

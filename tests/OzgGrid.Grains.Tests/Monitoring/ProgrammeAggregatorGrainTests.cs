using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Monitoring;
using static OzgGrid.Grains.Tests.Monitoring.MonitoringSamples;

namespace OzgGrid.Grains.Tests.Monitoring;

/// <summary>
/// The aggregator is one grain for the whole cluster, shared with every other test: each test reports Leistungen
/// with fresh OZG-IDs in a fresh Themenfeld and Lage, and looks only at their figures and at deltas.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ProgrammeAggregatorGrainTests(ClusterFixture fixture) : IDisposable
{
    private readonly AggregatorProbe _probe = new(fixture);

    [Fact]
    public async Task A_reported_leistung_is_counted_and_numbered_once()
    {
        var leistung = FreshLeistung(Reifegrad.FormularAssistent);

        var (before, after, published) = await _probe.ApplyAsync(Changed(leistung));

        Assert.True(after.Cursor.Sequence > before.Cursor.Sequence);
        var mine = Assert.Single(published, change => change.Change.Leistung.OzgId == leistung.OzgId);
        Assert.Null(mine.Before);
        Assert.Equal(leistung, mine.Change.Leistung);
        Assert.Contains(new Figure(FigureKeys.Themenfeld(leistung.ThemenfeldId), 1), mine.ChangedFigures);
        Assert.False(before.Figures.ContainsKey(FigureKeys.Themenfeld(leistung.ThemenfeldId)));
        Assert.Equal(1, after.Figures[FigureKeys.Themenfeld(leistung.ThemenfeldId)]);
        Assert.Equal(1, after.Figures[FigureKeys.LageReifegrad(leistung.LageId, Reifegrad.FormularAssistent)]);
        Assert.True(after.Figures[FigureKeys.Leistungen] > before.Figures.GetValueOrDefault(FigureKeys.Leistungen));
    }

    [Fact]
    public async Task A_report_that_skips_versions_tells_every_watcher_to_resynchronise_and_consecutive_ones_do_not()
    {
        var hub = fixture.GetSiloService<MonitoringHub>();
        var watcher = hub.Subscribe(null);
        try
        {
            var first = FreshLeistung(Reifegrad.Offline);
            var second = first.AtReifegrad(Reifegrad.Information);
            var fourth = second.AtReifegrad(Reifegrad.FormularAssistent) with { Version = second.Version + 2 };

            await _probe.ApplyAsync(Changed(first), Changed(second));
            var afterConsecutive = Drain(watcher);
            await _probe.ApplyAsync(Changed(fourth));
            var afterGap = Drain(watcher);

            Assert.DoesNotContain(afterConsecutive, message => message is HubMessage.Resync);
            Assert.Contains(afterGap, message => message is HubMessage.Resync);
            Assert.Contains(afterGap, message => message is HubMessage.Changes batch && batch.Published.Any(c => (c.Change.Leistung.OzgId, c.Change.Leistung.Version) == (fourth.OzgId, fourth.Version)));
        }
        finally
        {
            hub.Unsubscribe(watcher);
        }
    }

    [Fact]
    public async Task A_duplicate_or_older_report_is_ignored_and_not_numbered()
    {
        var first = FreshLeistung(Reifegrad.Information);
        var second = first.AtReifegrad(Reifegrad.OnlineLeistung);
        await _probe.ApplyAsync(Changed(first), Changed(second));

        var (before, after, published) = await _probe.ApplyAsync(Changed(second), Changed(first));

        Assert.DoesNotContain(published, change => change.Change.Leistung.OzgId == first.OzgId);
        Assert.Equal(after.Cursor.Sequence - before.Cursor.Sequence, published.Length);
        Assert.Equal(Mine(before, first), Mine(after, first));
        Assert.Equal(1, after.Figures[FigureKeys.ThemenfeldReifegrad(first.ThemenfeldId, Reifegrad.OnlineLeistung)]);
    }

    [Fact]
    public async Task A_newer_report_moves_the_leistung_between_the_counters()
    {
        var first = FreshLeistung(Reifegrad.FormularAssistent);
        await _probe.ApplyAsync(Changed(first));
        var second = first.AtReifegrad(Reifegrad.OnlineLeistung);

        var (before, after, published) = await _probe.ApplyAsync(Changed(second));

        var mine = Assert.Single(published, change => change.Change.Leistung.OzgId == first.OzgId);
        Assert.Equal(first, mine.Before);
        Assert.Contains(new Figure(FigureKeys.ThemenfeldReifegrad(first.ThemenfeldId, Reifegrad.FormularAssistent), 0), mine.ChangedFigures);
        Assert.Equal(1, before.Figures[FigureKeys.ThemenfeldReifegrad(first.ThemenfeldId, Reifegrad.FormularAssistent)]);
        Assert.False(after.Figures.ContainsKey(FigureKeys.ThemenfeldReifegrad(first.ThemenfeldId, Reifegrad.FormularAssistent)));
        Assert.Equal(1, after.Figures[FigureKeys.ThemenfeldReifegrad(first.ThemenfeldId, Reifegrad.OnlineLeistung)]);
        Assert.Equal(1, after.Figures[FigureKeys.LageReifegrad(first.LageId, Reifegrad.OnlineLeistung)]);
        Assert.Equal(1, after.Figures[FigureKeys.Themenfeld(first.ThemenfeldId)]);
        Assert.Contains(mine.ChangedFigures, figure => figure.Key == FigureKeys.OzgKonform);
        Assert.DoesNotContain(mine.ChangedFigures, figure => figure.Key == FigureKeys.Leistungen);
    }

    [Fact]
    public async Task Two_reports_of_one_leistung_in_a_batch_count_it_once_in_its_newest_state()
    {
        var first = FreshLeistung(Reifegrad.Information);
        var second = first.AtReifegrad(Reifegrad.OnlineTransaktion);

        var (_, after, published) = await _probe.ApplyAsync(Changed(first), Changed(second));

        var mine = published.Where(change => change.Change.Leistung.OzgId == first.OzgId).ToList();
        Assert.Collection(mine,
            change => Assert.Null(change.Before),
            change => Assert.Equal(first, change.Before));
        Assert.Equal(1, after.Figures[FigureKeys.Themenfeld(first.ThemenfeldId)]);
        Assert.Equal(1, after.Figures[FigureKeys.ThemenfeldReifegrad(first.ThemenfeldId, Reifegrad.OnlineTransaktion)]);
        Assert.False(after.Figures.ContainsKey(FigureKeys.ThemenfeldReifegrad(first.ThemenfeldId, Reifegrad.Information)));
    }

    private static List<HubMessage> Drain(HubSubscription subscription)
    {
        var messages = new List<HubMessage>();
        while (subscription.Messages.TryRead(out var message))
        {
            messages.Add(message);
        }

        return messages;
    }

    public void Dispose() => _probe.Dispose();

    private static LeistungSummary FreshLeistung(int reifegrad) =>
        Leistung(FreshKeys.Next(), themenfeldId: FreshKeys.Next(), lageId: FreshKeys.Next(), reifegrad: reifegrad);

    /// <summary>The figures only this test's Leistung counts towards: those of its Themenfeld and Lage.</summary>
    private static Dictionary<string, long> Mine(FiguresSnapshot snapshot, LeistungSummary leistung) =>
        snapshot.Figures
            .Where(f => IsUnder(f.Key, FigureKeys.Themenfeld(leistung.ThemenfeldId)) || IsUnder(f.Key, FigureKeys.Lage(leistung.LageId)))
            .ToDictionary(f => f.Key, f => f.Value);

    private static bool IsUnder(string key, string root) =>
        key == root || key.StartsWith(root + "/", StringComparison.Ordinal);
}

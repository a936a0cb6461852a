using OzgGrid.Cli.Watch;
using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>What `watch` keeps from the stream: the first snapshot's latest changes start its feed without counting as seen.</summary>
public sealed class ProgrammeWatchStateTests
{
    [Fact]
    public void The_first_snapshot_fills_the_feed_newest_first_and_later_changes_go_on_top()
    {
        var state = new ProgrammeWatchState(feedSize: 3);
        var snapshot = new Snapshot { Cursor = "1.4" };
        snapshot.RecentChanges.Add([Change(10001, version: 2, "1.2"), Change(10002, version: 5, "1.3"), Change(10001, version: 3, "1.4")]);

        var printed = state.Apply(new WatchProgrammeResponse { Snapshot = snapshot });

        Assert.Empty(printed);
        Assert.Equal(0, state.ChangesSeen);
        Assert.Equal([(10001, 3L), (10002, 5L), (10001, 2L)], state.Feed.Select(entry => (entry.OzgId, entry.Version)));

        var next = state.Apply(new WatchProgrammeResponse { LeistungChanged = Change(10003, version: 7, "1.5") });

        Assert.Equal((10003, 7L), (Assert.Single(next).OzgId, next[0].Version));
        Assert.Equal(1, state.ChangesSeen);
        Assert.Equal([(10003, 7L), (10001, 3L), (10002, 5L)], state.Feed.Select(entry => (entry.OzgId, entry.Version)));
    }

    [Fact]
    public void A_later_snapshot_keeps_the_feed_as_it_is()
    {
        var state = new ProgrammeWatchState(feedSize: 5);
        state.Apply(new WatchProgrammeResponse { Snapshot = new Snapshot { Cursor = "1.1", RecentChanges = { Change(10001, version: 2, "1.1") } } });
        state.Apply(new WatchProgrammeResponse { LeistungChanged = Change(10002, version: 4, "1.2") });

        state.Apply(new WatchProgrammeResponse { Snapshot = new Snapshot { Cursor = "2.9", Reason = SnapshotReason.Resync, RecentChanges = { Change(10009, version: 9, "2.9") } } });

        Assert.Equal([(10002, 4L), (10001, 2L)], state.Feed.Select(entry => (entry.OzgId, entry.Version)));
        Assert.Equal("2.9", state.Cursor);
    }

    private static LeistungChanged Change(int ozgId, long version, string cursor) => new()
    {
        Cursor = cursor,
        Leistung = new LeistungSummary { OzgId = ozgId, Name = $"Leistung {ozgId}", Version = version },
        Kind = ChangeKind.Status,
        ChangedBy = "dataport",
        Fields = { new FieldChange { Field = "reifegrad", Before = "1", After = "2" } },
    };
}

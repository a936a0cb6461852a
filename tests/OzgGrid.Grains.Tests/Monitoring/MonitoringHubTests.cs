using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Monitoring;
using static OzgGrid.Grains.Tests.Monitoring.MonitoringSamples;

namespace OzgGrid.Grains.Tests.Monitoring;

public sealed class MonitoringHubTests
{
    private const long Epoch = 3;

    // --- Live delivery ---

    [Fact]
    public async Task A_subscriber_receives_each_batch_as_one_changes_message()
    {
        var hub = Hub();
        var subscription = hub.Subscribe(null);
        var first = Batch(Epoch, 1, 2);
        var second = Batch(Epoch, 3, 1);

        await hub.OnChangesAsync(first);
        await hub.OnChangesAsync(second);

        Assert.Null(subscription.Replay);
        var messages = Drain(subscription);
        Assert.Collection(messages,
            message => AssertChanges(message, Epoch, 1, 2),
            message => AssertChanges(message, Epoch, 3));
    }

    [Fact]
    public async Task Every_subscriber_receives_the_same_message_for_a_batch_so_that_what_streams_build_from_it_is_shared()
    {
        var hub = Hub();
        var subscriptions = new[] { hub.Subscribe(null), hub.Subscribe(null), hub.Subscribe(null) };

        await hub.OnChangesAsync(Batch(Epoch, 1, 2));

        var received = subscriptions.Select(subscription => Assert.Single(Drain(subscription))).ToList();
        AssertChanges(received[0], Epoch, 1, 2);
        Assert.All(received, message => Assert.Same(received[0], message));
    }

    [Fact]
    public async Task A_resync_batch_tells_every_subscriber_to_resync()
    {
        var hub = Hub();
        var subscriptions = new[] { hub.Subscribe(null), hub.Subscribe(null) };

        await hub.OnChangesAsync(new ChangeBatch(Epoch, [], Resync: true));

        Assert.All(subscriptions, subscription => Assert.IsType<HubMessage.Resync>(Assert.Single(Drain(subscription))));
    }

    [Fact]
    public async Task A_subscriber_that_falls_behind_is_cut_off_while_another_keeps_receiving()
    {
        var hub = Hub(streamBufferSize: 2);
        var slow = hub.Subscribe(null);
        var fast = hub.Subscribe(null);
        var received = new List<HubMessage>();

        for (var sequence = 1; sequence <= 4; sequence++)
        {
            await hub.OnChangesAsync(Batch(Epoch, sequence, 1));
            received.AddRange(Drain(fast));
        }

        Assert.True(slow.Overflowed);
        Assert.Equal(2, Drain(slow).Count);
        Assert.True(slow.Messages.Completion.IsCompleted, "The reader of a cut-off subscription should complete once drained.");
        Assert.False(fast.Overflowed);
        Assert.Equal<long>([1, 2, 3, 4], received.Cast<HubMessage.Changes>().SelectMany(c => c.Published).Select(c => c.Sequence));
        Assert.False(fast.Messages.Completion.IsCompleted);
    }

    [Fact]
    public async Task Unsubscribing_removes_the_subscription_and_completes_its_reader()
    {
        var hub = Hub();
        var leaving = hub.Subscribe(null);
        var staying = hub.Subscribe(null);

        hub.Unsubscribe(leaving);
        await hub.OnChangesAsync(Batch(Epoch, 1, 1));

        Assert.Equal(1, hub.SubscriptionCount);
        Assert.False(leaving.Messages.TryRead(out _));
        Assert.True(leaving.Messages.Completion.IsCompleted);
        Assert.Single(Drain(staying));
    }

    // --- Resuming ---

    [Fact]
    public async Task Resuming_replays_exactly_the_changes_after_the_cursor()
    {
        var hub = Hub();
        await hub.OnChangesAsync(Batch(Epoch, 1, 2));
        await hub.OnChangesAsync(Batch(Epoch, 3, 3));

        var subscription = hub.Subscribe(new MonitoringCursor(Epoch, 2));

        Assert.Equal<long>([3, 4, 5], Sequences(subscription.Replay));
        Assert.False(subscription.Messages.TryRead(out _));
    }

    [Fact]
    public async Task Resuming_at_the_latest_change_replays_nothing_but_succeeds()
    {
        var hub = Hub();
        await hub.OnChangesAsync(Batch(Epoch, 1, 3));

        var subscription = hub.Subscribe(new MonitoringCursor(Epoch, 3));

        Assert.NotNull(subscription.Replay);
        Assert.Empty(subscription.Replay.Value);
    }

    [Fact]
    public async Task A_resumed_subscriber_also_receives_the_batches_that_follow()
    {
        var hub = Hub();
        await hub.OnChangesAsync(Batch(Epoch, 1, 2));
        var subscription = hub.Subscribe(new MonitoringCursor(Epoch, 1));

        await hub.OnChangesAsync(Batch(Epoch, 3, 1));

        Assert.Equal<long>([2], Sequences(subscription.Replay));
        AssertChanges(Assert.Single(Drain(subscription)), Epoch, 3);
    }

    [Fact]
    public async Task Resuming_from_another_epoch_is_not_possible()
    {
        var hub = Hub();
        await hub.OnChangesAsync(Batch(Epoch, 1, 3));
        await hub.OnChangesAsync(Batch(Epoch + 1, 1, 2));

        Assert.Null(hub.Subscribe(new MonitoringCursor(Epoch, 3)).Replay);
        Assert.Null(hub.Subscribe(new MonitoringCursor(Epoch + 2, 0)).Replay);
        Assert.Equal<long>([1, 2], Sequences(hub.Subscribe(new MonitoringCursor(Epoch + 1, 0)).Replay));
    }

    [Fact]
    public async Task Resuming_from_a_cursor_older_than_the_buffer_is_not_possible()
    {
        var hub = Hub(hubBufferSize: 3);
        await hub.OnChangesAsync(Batch(Epoch, 1, 5));

        Assert.Null(hub.Subscribe(new MonitoringCursor(Epoch, 1)).Replay);
        Assert.Equal<long>([3, 4, 5], Sequences(hub.Subscribe(new MonitoringCursor(Epoch, 2)).Replay));
    }

    [Fact]
    public async Task Resuming_across_changes_the_hub_missed_is_not_possible()
    {
        var hub = Hub();
        await hub.OnChangesAsync(Batch(Epoch, 1, 3));
        await hub.OnChangesAsync(Batch(Epoch, 6, 2));

        Assert.Null(hub.Subscribe(new MonitoringCursor(Epoch, 3)).Replay);
        Assert.Equal<long>([6, 7], Sequences(hub.Subscribe(new MonitoringCursor(Epoch, 5)).Replay));
    }

    [Fact]
    public async Task A_stream_that_resumes_from_before_a_resync_starts_from_a_snapshot()
    {
        // Versions lost on their way (a silo died with them in its batcher) are never published: the resync is all that
        // tells of them, so a stream away while it came must not be resumed as if nothing had happened.
        var hub = Hub();
        await hub.OnChangesAsync(Batch(Epoch, 1, 3));
        await hub.OnChangesAsync(new ChangeBatch(Epoch, [], Resync: true));
        await hub.OnChangesAsync(Batch(Epoch, 4, 2));

        Assert.Null(hub.Subscribe(new MonitoringCursor(Epoch, 2)).Replay);
        Assert.Null(hub.Subscribe(new MonitoringCursor(Epoch, 3)).Replay);
        Assert.Equal<long>([5], Sequences(hub.Subscribe(new MonitoringCursor(Epoch, 4)).Replay));
    }

    [Fact]
    public async Task A_resync_before_the_first_change_of_an_epoch_also_stops_a_resume_from_before_it()
    {
        var hub = Hub();
        await hub.OnChangesAsync(new ChangeBatch(Epoch, [], Resync: true));
        await hub.OnChangesAsync(Batch(Epoch, 41, 2));

        Assert.Null(hub.Subscribe(new MonitoringCursor(Epoch, 40)).Replay);
        Assert.Equal<long>([42], Sequences(hub.Subscribe(new MonitoringCursor(Epoch, 41)).Replay));
    }

    [Fact]
    public void A_hub_that_has_received_nothing_cannot_resume_anyone()
    {
        var hub = Hub();

        Assert.Null(hub.Subscribe(new MonitoringCursor(Epoch, 0)).Replay);
        Assert.Null(hub.Subscribe(new MonitoringCursor(0, 0)).Replay);
    }

    [Fact]
    public async Task A_hub_that_has_seen_no_change_of_an_epoch_yet_cannot_vouch_for_a_cursor_of_that_epoch()
    {
        // A silo that has just joined: the first batch its hub gets is a resync without changes, while the
        // aggregator is already at sequence 100 of the epoch. The hub knows nothing of changes 41 to 100.
        var hub = Hub();
        await hub.OnChangesAsync(new ChangeBatch(Epoch, [], Resync: true));

        var subscription = hub.Subscribe(new MonitoringCursor(Epoch, 40));

        Assert.Null(subscription.Replay);
    }

    [Fact]
    public async Task The_latest_changes_are_the_matching_ones_up_to_the_cursor_oldest_first_at_most_as_many_as_asked_and_none_of_another_epoch()
    {
        static bool All(PublishedChange change) => true;

        var hub = Hub(hubBufferSize: 10);
        await hub.OnChangesAsync(Batch(Epoch, 1, 8));
        await hub.OnChangesAsync(Batch(Epoch, 9, 6));

        Assert.Equal([5L, 6, 7], hub.Latest(new MonitoringCursor(Epoch, 7), 5, All).Select(change => change.Sequence));
        Assert.Equal([12L, 13, 14], hub.Latest(new MonitoringCursor(Epoch, 14), 3, All).Select(change => change.Sequence));
        Assert.Equal([5L, 6, 7, 8, 9, 10, 11, 12, 13, 14], hub.Latest(new MonitoringCursor(Epoch, 14), 50, All).Select(change => change.Sequence));
        Assert.Equal([8L, 10, 12], hub.Latest(new MonitoringCursor(Epoch, 13), 3, change => change.Sequence % 2 == 0).Select(change => change.Sequence));
        Assert.Empty(hub.Latest(new MonitoringCursor(Epoch + 1, 14), 50, All));
        Assert.Empty(Hub().Latest(new MonitoringCursor(Epoch, 14), 50, All));
    }

    private static MonitoringHub Hub(int hubBufferSize = 100, int streamBufferSize = 100) =>
        new(Options.Create(new MonitoringOptions { HubBufferSize = hubBufferSize, StreamBufferSize = streamBufferSize }));

    private static List<HubMessage> Drain(HubSubscription subscription)
    {
        var messages = new List<HubMessage>();
        while (subscription.Messages.TryRead(out var message))
        {
            messages.Add(message);
        }

        return messages;
    }

    private static IEnumerable<long> Sequences(ImmutableArray<PublishedChange>? replay)
    {
        Assert.NotNull(replay);
        return replay.Value.Select(change => change.Sequence);
    }

    private static void AssertChanges(HubMessage message, long epoch, params long[] sequences)
    {
        var changes = Assert.IsType<HubMessage.Changes>(message);
        Assert.Equal(epoch, changes.Epoch);
        Assert.Equal(sequences, changes.Published.Select(change => change.Sequence));
    }
}

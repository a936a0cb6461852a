using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Grains.Abstractions.Catalog;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Monitoring;
using OzgGrid.Protos.V1;
using Domain = OzgGrid.Grains.Abstractions.Monitoring;

namespace OzgGrid.Gateway.Monitoring;

/// <summary>
/// Serves one monitoring stream from this silo's hub: a snapshot or the missed changes first, then every change in
/// sequence. The stream checks that each change follows on from the last one it sent; where it cannot, it starts
/// over with a snapshot that says so, so a client never has a silent gap. A client that does not read is cut off
/// (<see cref="FellBehind"/>) once its hub buffer fills, also while a write waits for it (<see cref="StalledClientReset"/>).
/// </summary>
public sealed class ProgrammeWatch(IGrainFactory grains, MonitoringHub hub, IOptions<MonitoringOptions> options)
{
    /// <summary>More Leistungen than the catalogue will ever hold: a snapshot holds every matching one.</summary>
    private const int SnapshotLimit = 100_000;

    /// <summary>How many of the latest changes a snapshot carries: more than a page lists.</summary>
    private const int RecentChangesInSnapshot = 50;

    private static readonly WriteOptions BufferedWrite = new(WriteFlags.BufferHint);

    /// <summary>How long a hub may take to bring a batch the aggregator has already published.</summary>
    private static readonly TimeSpan HubCatchUp = TimeSpan.FromSeconds(2);

    private readonly WatchMessages _messages = new();

    public async Task RunAsync(
        WatchFilter filter, MonitoringCursor? resumeAfter, bool batched, IServerStreamWriter<WatchProgrammeResponse> stream, HttpContext http,
        CancellationToken cancellationToken)
    {
        var subscription = hub.Subscribe(resumeAfter);
        MonitoringCursor? position = null;
        try
        {
            using var stalled = new StalledClientReset(http, options.Value.StalledWriteGrace, subscription.CutOff);
            if (resumeAfter is not null && subscription.Replay is { } missed)
            {
                await stream.WriteAsync(new WatchProgrammeResponse { Resumed = new Resumed { AfterCursor = resumeAfter.ToString() } }, cancellationToken);
                position = resumeAfter;
                position = await SendAsync(filter, batched, missed, resumeAfter, stream, cancellationToken);
            }
            else
            {
                var reason = resumeAfter is null ? SnapshotReason.Initial : SnapshotReason.ResumeUnavailable;
                position = await SendSnapshotAsync(filter, reason, stream, cancellationToken);
            }

            while (true)
            {
                switch (await WaitForMessagesAsync(subscription, position, stream, cancellationToken))
                {
                    case WaitOutcome.Overflowed:
                        // Cut off for falling behind: the client resumes from where it got to.
                        throw FellBehind.WatchProgramme(options.Value.StreamBufferSize, position.ToString());
                    case WaitOutcome.HubBehind:
                        position = await SendSnapshotAsync(filter, SnapshotReason.Resync, stream, cancellationToken);
                        continue;
                }

                while (subscription.Messages.TryRead(out var message))
                {
                    position = message switch
                    {
                        HubMessage.Changes changes when changes.Epoch == position.Epoch =>
                            await FollowOnAsync(filter, batched, changes, position, stream, cancellationToken),
                        HubMessage.Changes changes when changes.Epoch < position.Epoch => position,
                        _ => await SendSnapshotAsync(filter, SnapshotReason.Resync, stream, cancellationToken),
                    };
                }
            }
        }
        catch (Exception exception) when (FellBehind.IsCutOff(exception, subscription.Overflowed))
        {
            throw FellBehind.WatchProgramme(options.Value.StreamBufferSize, position?.ToString());
        }
        finally
        {
            hub.Unsubscribe(subscription);
        }
    }

    /// <summary>
    /// Waits for the hub; an idle stream gets a heartbeat. Before each heartbeat the stream asks the aggregator how far
    /// it has published: if that is ahead and the hub brings nothing within <see cref="HubCatchUp"/>, this silo's hub
    /// has missed batches (it was not reached while the cluster changed) and the stream starts over from a snapshot.
    /// </summary>
    private async Task<WaitOutcome> WaitForMessagesAsync(
        HubSubscription subscription, MonitoringCursor position, IServerStreamWriter<WatchProgrammeResponse> stream, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await WaitToReadAsync(subscription, options.Value.HeartbeatInterval, cancellationToken) is { } ready)
            {
                return ready;
            }

            if (await PublishedCursorAsync() is { } published && (published.Epoch != position.Epoch || published.Sequence > position.Sequence))
            {
                return await WaitToReadAsync(subscription, HubCatchUp, cancellationToken) ?? WaitOutcome.HubBehind;
            }

            await stream.WriteAsync(new WatchProgrammeResponse { Heartbeat = new Heartbeat { Cursor = position.ToString() } }, cancellationToken);
        }
    }

    /// <summary>Null while the aggregator cannot be asked (it is moving to another silo): the next heartbeat asks again.</summary>
    private async Task<MonitoringCursor?> PublishedCursorAsync()
    {
        try
        {
            return await grains.GetGrain<IProgrammeAggregatorGrain>(IProgrammeAggregatorGrain.Key).GetCursorAsync().WaitAsync(HubCatchUp);
        }
        catch (Exception exception) when (exception is TimeoutException or OrleansException)
        {
            return null;
        }
    }

    /// <summary>Null when nothing came within <paramref name="timeout"/>.</summary>
    private static async Task<WaitOutcome?> WaitToReadAsync(HubSubscription subscription, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(timeout);
        try
        {
            return await subscription.Messages.WaitToReadAsync(idle.Token) || !subscription.Overflowed ? WaitOutcome.Messages : WaitOutcome.Overflowed;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<MonitoringCursor> FollowOnAsync(
        WatchFilter filter, bool batched, HubMessage.Changes changes, MonitoringCursor position, IServerStreamWriter<WatchProgrammeResponse> stream, CancellationToken cancellationToken)
    {
        var fresh = changes.Published.Where(change => change.Sequence > position.Sequence).ToList();
        if (fresh.Count == 0)
        {
            return position;
        }

        if (fresh[0].Sequence != position.Sequence + 1)
        {
            return await SendSnapshotAsync(filter, SnapshotReason.Resync, stream, cancellationToken);
        }

        // Every unfiltered batched stream sends the same messages for a hub batch: they are built and serialized once.
        var messages = batched && filter == WatchFilter.All && fresh.Count == changes.Published.Length
            ? _messages.UnfilteredBatches(changes)
            : _messages.Compose(filter, batched, fresh, position.Epoch);
        await WriteBatchAsync(stream, messages, cancellationToken);
        return position with { Sequence = fresh[^1].Sequence };
    }

    private async Task<MonitoringCursor> SendAsync(
        WatchFilter filter, bool batched, IReadOnlyList<PublishedChange> changes, MonitoringCursor position, IServerStreamWriter<WatchProgrammeResponse> stream, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return position;
        }

        await WriteBatchAsync(stream, _messages.Compose(filter, batched, changes, position.Epoch), cancellationToken);
        return position with { Sequence = changes[^1].Sequence };
    }

    /// <summary>Writes a batch with one flush at its end, not one per message.</summary>
    private static async Task WriteBatchAsync(
        IServerStreamWriter<WatchProgrammeResponse> stream, List<WatchProgrammeResponse> messages, CancellationToken cancellationToken)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            stream.WriteOptions = i < messages.Count - 1 ? BufferedWrite : null;
            await stream.WriteAsync(messages[i], cancellationToken);
        }
    }

    private async Task<MonitoringCursor> SendSnapshotAsync(
        WatchFilter filter, SnapshotReason reason, IServerStreamWriter<WatchProgrammeResponse> stream, CancellationToken cancellationToken)
    {
        // Figures first: a Leistung read after them may be newer than the figures' cursor, never older.
        var figures = await grains.GetGrain<IProgrammeAggregatorGrain>(IProgrammeAggregatorGrain.Key).GetSnapshotAsync();
        var query = new LeistungQuery(filter.ThemenfeldId, filter.ToLeistungFilter(), AfterOzgId: 0, SnapshotLimit);
        var page = await grains.GetGrain<ICatalogQueryGrain>(ICatalogQueryGrain.Key).QueryLeistungenAsync(query);
        await stream.WriteAsync(new WatchProgrammeResponse
        {
            Snapshot = new Snapshot
            {
                Cursor = figures.Cursor.ToString(),
                Reason = reason,
                Figures = { figures.Figures.Select(f => new Domain.Figure(f.Key, f.Value)).MapToProto() },
                Leistungen = { page.Leistungen.Where(filter.Matches).Select(l => l.MapToProto()) },
                RecentChanges = { hub.Latest(figures.Cursor, RecentChangesInSnapshot, filter.Matches).Select(change => _messages.Mapped(change, figures.Cursor.Epoch).InBatch) },
            },
        }, cancellationToken);
        return figures.Cursor;
    }
}

using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Monitoring;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Monitoring;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.ProgrammeManagement;

/// <summary>
/// Serves one programme-management stream: the figures first, then every event in sequence. Where an event is missing
/// (the figures grain dropped this watcher for a moment), a fresh snapshot follows instead of a silent gap. A client that
/// does not read is cut off once <c>OzgGrid:Monitoring:StreamBufferSize</c> events wait for it.
/// </summary>
public sealed class ProgrammeEventWatch(IGrainFactory grains, IOptions<MonitoringOptions> options)
{
    /// <summary>How often the subscription is renewed (well within its expiry) and an idle stream gets a heartbeat.</summary>
    public static readonly TimeSpan RenewInterval = TimeSpan.FromSeconds(15);

    /// <param name="resumeAfter">The sequence of the last event the client saw, or null for a snapshot first.</param>
    public async Task RunAsync(long? resumeAfter, IServerStreamWriter<WatchProgrammeManagementResponse> stream, HttpContext http, CancellationToken cancellationToken)
    {
        using var forwarder = new ProgrammeEventForwarder(options.Value.StreamBufferSize);
        var reference = grains.CreateObjectReference<IProgrammeEventObserver>(forwarder);
        var figures = grains.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key);
        long position = 0;
        try
        {
            using var stalled = new StalledClientReset(http, options.Value.StalledWriteGrace, forwarder.CutOff);
            position = resumeAfter is { } after
                ? await ResumeAsync(figures, reference, after, stream, cancellationToken)
                : await SendSnapshotAsync(figures, reference, stream, cancellationToken);
            var renewedAt = DateTimeOffset.UtcNow;
            while (true)
            {
                if (!await WaitAsync(forwarder, cancellationToken))
                {
                    await stream.WriteAsync(new WatchProgrammeManagementResponse { Heartbeat = new Heartbeat { Cursor = position.ToString() } }, cancellationToken);
                }

                if (forwarder.Overflowed)
                {
                    throw FellBehind.WatchProgrammeManagement(options.Value.StreamBufferSize, position);
                }

                while (forwarder.Events.TryRead(out var programmeEvent))
                {
                    if (programmeEvent.Sequence <= position)
                    {
                        continue;
                    }

                    if (programmeEvent.Sequence == position + 1)
                    {
                        await stream.WriteAsync(new WatchProgrammeManagementResponse { ProgrammeEvent = programmeEvent.MapToProto() }, cancellationToken);
                        position = programmeEvent.Sequence;
                    }
                    else
                    {
                        // Events were missed: the snapshot counts them (and this one), so the event itself is not sent.
                        position = await SendSnapshotAsync(figures, reference, stream, cancellationToken);
                    }
                }

                if (DateTimeOffset.UtcNow - renewedAt >= RenewInterval)
                {
                    await figures.SubscribeAsync(reference);
                    renewedAt = DateTimeOffset.UtcNow;
                }
            }
        }
        catch (Exception exception) when (FellBehind.IsCutOff(exception, forwarder.Overflowed))
        {
            throw FellBehind.WatchProgrammeManagement(options.Value.StreamBufferSize, position);
        }
        finally
        {
            await UnsubscribeAsync(figures, reference);
        }
    }

    /// <summary>True when events are waiting; false when the stream was idle for <see cref="RenewInterval"/>.</summary>
    private static async Task<bool> WaitAsync(ProgrammeEventForwarder forwarder, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(RenewInterval);
        try
        {
            await forwarder.Events.WaitToReadAsync(idle.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<long> SendSnapshotAsync(
        IProgrammeFiguresGrain figures, IProgrammeEventObserver reference, IServerStreamWriter<WatchProgrammeManagementResponse> stream, CancellationToken cancellationToken)
    {
        var snapshot = await figures.SubscribeAsync(reference);
        await stream.WriteAsync(new WatchProgrammeManagementResponse { Snapshot = snapshot.MapToProto() }, cancellationToken);
        return snapshot.Sequence;
    }

    /// <summary>The events the client missed, or a snapshot when they are no longer all held.</summary>
    private static async Task<long> ResumeAsync(
        IProgrammeFiguresGrain figures, IProgrammeEventObserver reference, long after, IServerStreamWriter<WatchProgrammeManagementResponse> stream, CancellationToken cancellationToken)
    {
        var start = await figures.ResumeAsync(reference, after);
        if (start.Snapshot is { } snapshot)
        {
            await stream.WriteAsync(new WatchProgrammeManagementResponse { Snapshot = snapshot.MapToProto() }, cancellationToken);
            return snapshot.Sequence;
        }

        foreach (var missed in start.Missed)
        {
            await stream.WriteAsync(new WatchProgrammeManagementResponse { ProgrammeEvent = missed.MapToProto() }, cancellationToken);
        }

        return start.Missed.IsEmpty ? after : start.Missed[^1].Sequence;
    }

    private async Task UnsubscribeAsync(IProgrammeFiguresGrain figures, IProgrammeEventObserver reference)
    {
        try
        {
            await figures.UnsubscribeAsync(reference);
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            // The subscription expires by itself.
        }
        finally
        {
            grains.DeleteObjectReference<IProgrammeEventObserver>(reference);
        }
    }
}

using Grpc.Core;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>A programme-management watcher that reconnects with the sequence it got to gets what it missed, not a snapshot. On each store: <see cref="AzuriteProgrammeWatchResumeTests"/>, <see cref="Postgres.PostgresProgrammeWatchResumeTests"/>.</summary>
public abstract class ProgrammeWatchResumeTests(GatewayFixture fixture)
{
    private readonly ProgrammeManagementService.ProgrammeManagementServiceClient _client = new(fixture.Host.Channel);

    [Fact]
    public async Task A_watcher_resuming_after_the_last_event_it_saw_gets_the_events_it_missed_in_order_and_no_snapshot()
    {
        var ozgId = fixture.TakeOzgId();
        long seen;
        using (var first = _client.WatchProgrammeManagement(new WatchProgrammeManagementRequest()))
        {
            using var deadline = new CancellationTokenSource(Eventually.DefaultTimeout);
            Assert.True(await first.ResponseStream.MoveNext(deadline.Token));
            Assert.NotNull(first.ResponseStream.Current.Snapshot);
            await SetUmsetzungslandAsync(ozgId, "BY");
            seen = (await NextEventAsync(first, ozgId, deadline.Token)).Sequence;
        }

        // Missed while disconnected.
        await SetUmsetzungslandAsync(ozgId, "HE");
        await SetUmsetzungslandAsync(ozgId, "SN");

        using var resumed = _client.WatchProgrammeManagement(new WatchProgrammeManagementRequest { ResumeCursor = seen.ToString() });
        using var again = new CancellationTokenSource(Eventually.DefaultTimeout);
        var expected = seen + 1;
        var mine = new List<ProgrammeEvent>();
        while (mine.Count < 2)
        {
            Assert.True(await resumed.ResponseStream.MoveNext(again.Token), "the resumed stream ended before the missed events");
            var message = resumed.ResponseStream.Current;
            Assert.Equal(WatchProgrammeManagementResponse.EventOneofCase.ProgrammeEvent, message.EventCase);
            Assert.Equal(expected++, message.ProgrammeEvent.Sequence);
            if (message.ProgrammeEvent.OzgId == ozgId)
            {
                mine.Add(message.ProgrammeEvent);
            }
        }

        Assert.Contains("Umsetzungsland HE", mine[0].Description);
        Assert.Contains("Umsetzungsland SN", mine[1].Description);
    }

    [Fact]
    public async Task A_cursor_the_server_never_gave_out_starts_with_a_snapshot_and_one_that_is_not_a_number_is_refused()
    {
        using var future = _client.WatchProgrammeManagement(new WatchProgrammeManagementRequest { ResumeCursor = "999999999999" });
        using var deadline = new CancellationTokenSource(Eventually.DefaultTimeout);
        Assert.True(await future.ResponseStream.MoveNext(deadline.Token));
        Assert.NotNull(future.ResponseStream.Current.Snapshot);

        foreach (var cursor in new[] { "abc", "-1", "1e3", "99999999999999999999" })
        {
            using var bad = _client.WatchProgrammeManagement(new WatchProgrammeManagementRequest { ResumeCursor = cursor });
            var refused = await Assert.ThrowsAsync<RpcException>(() => bad.ResponseStream.MoveNext(deadline.Token));
            Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
            Assert.Contains("resume_cursor", refused.Status.Detail);
        }
    }

    private async Task SetUmsetzungslandAsync(int ozgId, string land) =>
        await _client.SetUmsetzungslandAsync(new SetUmsetzungslandRequest { OzgId = ozgId, RequestId = $"resume-{Guid.NewGuid():N}", Land = land });

    private static async Task<ProgrammeEvent> NextEventAsync(
        AsyncServerStreamingCall<WatchProgrammeManagementResponse> stream, int ozgId, CancellationToken deadline)
    {
        while (true)
        {
            Assert.True(await stream.ResponseStream.MoveNext(deadline), "the stream ended before the event");
            if (stream.ResponseStream.Current.ProgrammeEvent is { } programmeEvent && programmeEvent.OzgId == ozgId)
            {
                return programmeEvent;
            }
        }
    }
}

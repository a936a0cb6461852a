using System.Diagnostics;
using System.Net;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OzgGrid.Gateway.Identity;
using OzgGrid.Gateway.Streams;
using OzgGrid.Grains.Monitoring;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// Open streams per caller through the real gateway: a caller over its limit is refused with how many it has open,
/// others are not, and a slot comes back however a stream ends; a watcher that does not read is cut off (and frees its
/// slot) while it still does not read, and nobody else waits for it. Each test calls as callers of its own. (A slow
/// watcher that reads again gets the status with its resume cursor: <c>MonitoringServiceTests</c>.)
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class StreamLimitTests(GatewayFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>Page visitors without a token, counted by their address (the loopback here).</summary>
    private const string Visitors = "addr:127.0.0.1";

    private readonly StreamLimiter _limiter = fixture.Host.Services.GetRequiredService<StreamLimiter>();
    private readonly int _limit = fixture.Host.Services.GetRequiredService<IOptions<StreamLimitOptions>>().Value.MaxPerCaller;

    [Fact]
    public async Task A_stream_over_the_callers_limit_is_refused_naming_the_count_while_another_caller_still_gets_one()
    {
        var caller = Monitoring($"streams-{Guid.NewGuid():N}");
        var open = new List<AsyncServerStreamingCall<WatchProgrammeResponse>>();
        try
        {
            for (var i = 0; i < _limit; i++)
            {
                open.Add(await OpenAsync(caller));
            }

            var refused = await Assert.ThrowsAsync<RpcException>(() => OpenAsync(caller));
            using var other = await OpenAsync(Monitoring($"streams-{Guid.NewGuid():N}"));

            Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
            Assert.Contains($"has {_limit} streams open", refused.Status.Detail, StringComparison.Ordinal);
            Assert.Contains($"the limit is {_limit} per caller", refused.Status.Detail, StringComparison.Ordinal);
        }
        finally
        {
            open.ForEach(call => call.Dispose());
        }
    }

    [Fact]
    public async Task Import_streams_count_towards_the_callers_limit_and_free_their_slot_when_they_end()
    {
        // Rows sent into an import stream are held until it ends: unlimited, one caller could fill the gateway's memory.
        var subject = $"imports-{Guid.NewGuid():N}";
        var client = new NutzungService.NutzungServiceClient(fixture.Host.ChannelFor(Roles.ProgrammManagement, subject));
        var open = Enumerable.Range(0, _limit).Select(_ => client.ImportNutzung()).ToList();
        try
        {
            await Eventually.ReturnsAsync(() => Task.FromResult(_limiter.OpenBy($"sub:{subject}")), count => count == _limit, "every import stream open");

            using var over = client.ImportNutzung();
            var refused = await Assert.ThrowsAsync<RpcException>(() => over.ResponseAsync);

            Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
            Assert.Contains($"has {_limit} streams open", refused.Status.Detail, StringComparison.Ordinal);
        }
        finally
        {
            open.ForEach(call => call.Dispose());
        }

        await Eventually.ReturnsAsync(() => Task.FromResult(_limiter.OpenBy($"sub:{subject}")), count => count == 0, "every import stream's slot free");
    }

    [Fact]
    public async Task A_slot_comes_back_when_the_client_cancels_and_when_the_stream_fails()
    {
        var subject = $"streams-{Guid.NewGuid():N}";
        var caller = Monitoring(subject);
        var open = new List<AsyncServerStreamingCall<WatchProgrammeResponse>>();
        try
        {
            for (var i = 0; i < _limit; i++)
            {
                open.Add(await OpenAsync(caller));
            }

            open[0].Dispose();
            open.RemoveAt(0);
            await Eventually.ReturnsAsync(() => Task.FromResult(_limiter.OpenBy($"sub:{subject}")), count => count == _limit - 1, "the cancelled stream's slot back");

            // Streams that fail inside the gateway (an unknown Themenfeld) hold no slot afterwards.
            for (var i = 0; i < 3; i++)
            {
                using var failing = caller.WatchProgramme(new WatchProgrammeRequest { ThemenfeldId = 15 });
                var failed = await Assert.ThrowsAsync<RpcException>(() => failing.ResponseStream.MoveNext(CancellationToken.None));
                Assert.Equal(StatusCode.NotFound, failed.StatusCode);
            }

            open.Add(await OpenAsync(caller));
            Assert.Equal(_limit, _limiter.OpenBy($"sub:{subject}"));
        }
        finally
        {
            open.ForEach(call => call.Dispose());
        }

        await Eventually.ReturnsAsync(() => Task.FromResult(_limiter.OpenBy($"sub:{subject}")), count => count == 0, "every slot back");
    }

    [Fact]
    public async Task The_programme_pages_event_stream_over_the_limit_of_an_address_answers_429()
    {
        using var http = new HttpClient { BaseAddress = fixture.Host.HttpAddress };
        var before = _limiter.OpenBy(Visitors);
        var open = new List<HttpResponseMessage>();
        try
        {
            // Anonymous visitors count by address; the gateway may still hold a few page streams of earlier tests.
            while (_limiter.OpenBy(Visitors) < _limit)
            {
                var response = await EventStreamAsync(http);
                open.Add(response);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            using var refused = await EventStreamAsync(http);

            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Contains($"has {_limit} streams open", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            open.ForEach(response => response.Dispose());
        }

        // The page's other tests are visitors of the same address.
        await Eventually.ReturnsAsync(() => Task.FromResult(_limiter.OpenBy(Visitors)), count => count <= before, "the page streams closed");
    }

    [Fact]
    public async Task A_watcher_that_does_not_read_is_cut_off_and_frees_its_slot_while_another_gets_every_change_at_once()
    {
        var hub = fixture.Host.Services.GetRequiredService<MonitoringHub>();
        var cutOffBefore = hub.CutOffCount;
        var ozgId = fixture.TakeOzgId();
        await using var healthy = StreamWatcher.Open(fixture.Monitoring, new WatchProgrammeRequest { OzgIds = { ozgId } });
        await healthy.ReadSnapshotAsync();
        var stalledSubject = $"stalled-{Guid.NewGuid():N}";
        using var stalled = Monitoring(stalledSubject).WatchProgramme(new WatchProgrammeRequest());
        await Eventually.ReturnsAsync(() => Task.FromResult(_limiter.OpenBy($"sub:{stalledSubject}")), count => count == 1, "the stalled stream open");

        // Changes until the hub has cut off the stream nobody reads; each acknowledged and at the healthy watcher at once.
        var slowest = TimeSpan.Zero;
        var version = 1L;
        while (hub.CutOffCount == cutOffBefore)
        {
            Assert.True(version < 2_000, "The stalled watcher should be cut off within 2,000 changes.");
            await fixture.Leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
            {
                OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 1 + (int)(version % 4),
            });
            version++;
            var acknowledged = Stopwatch.StartNew();
            await healthy.ReadUntilAsync(m => m.LeistungChanged?.Leistung.Version == version, $"version {version} at the healthy watcher", Deadline);
            slowest = acknowledged.Elapsed > slowest ? acknowledged.Elapsed : slowest;
        }

        // Its write waits for a client that does not read: the stream is reset after the grace and its slot is free,
        // while the client still has not read.
        await Eventually.ReturnsAsync(() => Task.FromResult(_limiter.OpenBy($"sub:{stalledSubject}")), count => count == 0, "the stalled stream's slot free");
        Assert.True(slowest < TimeSpan.FromSeconds(5), $"The healthy watcher waited {slowest} for a change.");
        var (received, ended) = await StreamEnd.DrainAsync(stalled, Deadline);
        Assert.Equal(StatusCode.ResourceExhausted, ended.StatusCode);

        // It resumes from the last cursor it read (a fresh snapshot if it read none) and misses nothing.
        var resume = received.Select(StreamEnd.CursorOf).LastOrDefault(cursor => cursor.Length > 0) ?? string.Empty;
        await using var resumed = StreamWatcher.Open(Monitoring(stalledSubject), new WatchProgrammeRequest { OzgIds = { ozgId }, ResumeCursor = resume });
        var afterResume = await resumed.ReadUntilAsync(m => m.LeistungChanged?.Leistung.Version == version || m.Snapshot?.Leistungen.Any(l => l.OzgId == ozgId && l.Version == version) == true,
            $"version {version} after resuming");
        Assert.Contains(afterResume[0].EventCase, new[] { WatchProgrammeResponse.EventOneofCase.Resumed, WatchProgrammeResponse.EventOneofCase.Snapshot });
    }

    private Protos.V1.MonitoringService.MonitoringServiceClient Monitoring(string subject) =>
        new(fixture.Host.ChannelFor(Roles.Monitoring, subject));

    /// <summary>A small stream (one Leistung) that has sent its snapshot; its refusal is thrown.</summary>
    private static async Task<AsyncServerStreamingCall<WatchProgrammeResponse>> OpenAsync(Protos.V1.MonitoringService.MonitoringServiceClient client)
    {
        var call = client.WatchProgramme(new WatchProgrammeRequest { OzgIds = { KnownData.ElterngeldOzgId } });
        try
        {
            using var timeout = new CancellationTokenSource(Deadline);
            Assert.True(await call.ResponseStream.MoveNext(timeout.Token));
            Assert.Equal(WatchProgrammeResponse.EventOneofCase.Snapshot, call.ResponseStream.Current.EventCase);
            return call;
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    private static async Task<HttpResponseMessage> EventStreamAsync(HttpClient http)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        return await http.GetAsync("/programm/api/ereignisse", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
    }
}

using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>The monitoring API over real gRPC: figures, watchers (filters, batches, resume, a stalled one), reports and reads of a past moment. On each store: <see cref="AzuriteMonitoringServiceTests"/>, <see cref="Postgres.PostgresMonitoringServiceTests"/>.</summary>
public abstract class MonitoringServiceTests(GatewayFixture fixture)
{
    private readonly MonitoringService.MonitoringServiceClient _monitoring = fixture.Monitoring;
    private readonly LeistungService.LeistungServiceClient _leistungen = fixture.Leistungen;

    [Fact]
    public async Task The_programme_figures_add_up_to_the_catalogue_in_every_breakdown()
    {
        var figures = (await _monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest())).Figures;

        Assert.Equal(KnownData.Leistungen, figures.Leistungen);
        Assert.Equal(KnownData.Leistungen, figures.ByReifegrad.Sum(r => r.Leistungen));
        Assert.Equal(KnownData.Leistungen, figures.ByPhase.Sum(p => p.Leistungen));
        Assert.Equal(KnownData.Themenfelder, figures.Themenfelder.Count);
        Assert.Equal(KnownData.Leistungen, figures.Themenfelder.Sum(t => t.Leistungen));
        Assert.Equal(KnownData.Lagen, figures.Lagen.Count);
        Assert.Equal(KnownData.Leistungen, figures.Lagen.Sum(l => l.Leistungen));
        Assert.Equal(16, figures.Laender.Count);
        Assert.All(figures.Laender, land => Assert.Equal(KnownData.Leistungen, land.ByVerfuegbarkeit.Sum(v => v.Leistungen)));
    }

    [Fact]
    public async Task The_live_figures_equal_a_recount_of_every_Leistung()
    {
        var expected = await ProgrammeRecount.CountAsync(_leistungen);

        await Eventually.ReturnsAsync(
            async () => ProgrammeRecount.From((await _monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest())).Figures),
            live => live == expected,
            $"the figures of a recount ({expected})");
    }

    [Fact]
    public async Task A_watcher_gets_a_snapshot_first_then_each_change_with_its_version_and_the_figures_it_moved()
    {
        var ozgId = fixture.TakeOzgId();
        await using var watcher = StreamWatcher.Open(_monitoring, new WatchProgrammeRequest { OzgIds = { ozgId } });
        var snapshot = (await watcher.ReadSnapshotAsync())[^1].Snapshot;

        await Update(ozgId, reifegrad: 3, land: "NW", Verfuegbarkeit.InMindestensEinerKommune);
        var changed = (await watcher.ReadUntilAsync(
            m => m.LeistungChanged?.Leistung.OzgId == ozgId, $"the change of {ozgId}"))[^1].LeistungChanged;

        Assert.Equal(SnapshotReason.Initial, snapshot.Reason);
        Assert.Equal(ozgId, Assert.Single(snapshot.Leistungen).OzgId);
        Assert.Contains(snapshot.Figures, f => f.Key == "leistungen" && f.Value == KnownData.Leistungen);
        Assert.Equal(2, changed.Leistung.Version);
        Assert.Equal(3, changed.Leistung.Status.Reifegrad);
        Assert.Equal(TestHost.ManagementSubject, changed.ChangedBy);
        Assert.Contains(changed.Fields, f => f.Field == "reifegrad" && f.After == "3");
        var moved = changed.ChangedFigures.Select(f => f.Key).ToList();
        Assert.Contains("reifegrad/3", moved);
        Assert.Contains("reifegrad/0", moved);
        Assert.Contains("ozg-konform", moved);
        Assert.Contains("online", moved);
        Assert.Contains("land/NW/in-mindestens-einer-kommune", moved);
        Assert.True(Cursor(changed.Cursor) > Cursor(snapshot.Cursor));
    }

    [Fact]
    public async Task A_filtered_watcher_gets_only_matching_changes_and_the_figures_of_the_others()
    {
        var inThemenfeld = fixture.TakeOzgId();
        var themenfeldId = (await _leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = inThemenfeld })).Leistung.ThemenfeldId;
        var elsewhere = fixture.TakeOzgIdOutside(themenfeldId);
        await using var watcher = StreamWatcher.Open(_monitoring, new WatchProgrammeRequest { ThemenfeldId = themenfeldId });
        var snapshot = (await watcher.ReadSnapshotAsync())[^1].Snapshot;

        await Update(elsewhere, reifegrad: 1);
        await Update(inThemenfeld, reifegrad: 2);
        var (sawChange, sawFigures) = (false, false);
        var messages = await watcher.ReadUntilAsync(
            m =>
            {
                sawChange |= m.LeistungChanged?.Leistung.OzgId == inThemenfeld;
                sawFigures |= m.FiguresChanged?.ChangedFigures.Any(f => f.Key == $"themenfeld/{themenfeldId}") == false
                    && m.FiguresChanged.ChangedFigures.Any(f => f.Key == "reifegrad/1");
                return sawChange && sawFigures;
            },
            $"the change of {inThemenfeld} and the figures moved by {elsewhere}");

        Assert.All(snapshot.Leistungen, l => Assert.Equal(themenfeldId, l.ThemenfeldId));
        Assert.DoesNotContain(messages, m => m.LeistungChanged?.Leistung.OzgId == elsewhere);
    }

    [Fact]
    public async Task A_batched_watcher_gets_the_changes_in_change_batches_with_each_moved_figure_once()
    {
        var inThemenfeld = fixture.TakeOzgId();
        var themenfeldId = (await _leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = inThemenfeld })).Leistung.ThemenfeldId;
        var elsewhere = fixture.TakeOzgIdOutside(themenfeldId);
        await using var everything = StreamWatcher.Open(_monitoring, new WatchProgrammeRequest { Batched = true });
        await using var filtered = StreamWatcher.Open(_monitoring, new WatchProgrammeRequest { Batched = true, ThemenfeldId = themenfeldId });
        var snapshot = (await everything.ReadSnapshotAsync())[^1].Snapshot;
        await filtered.ReadSnapshotAsync();

        await Update(elsewhere, reifegrad: 4);
        await Update(inThemenfeld, reifegrad: 4);
        var all = Batches(await everything.ReadUntilAsync(m => m.ChangeBatch?.Changes.Any(c => c.Leistung.OzgId == inThemenfeld) == true, $"the batch with {inThemenfeld}"));
        var mine = Batches(await filtered.ReadUntilAsync(m => m.ChangeBatch?.Changes.Any(c => c.Leistung.OzgId == inThemenfeld) == true, $"the batch with {inThemenfeld}"));

        // Every change, in order, each batch's cursor at its last change, and the figures once per batch.
        var changes = all.SelectMany(b => b.Changes).ToList();
        Assert.Equal([elsewhere, inThemenfeld], changes.Select(c => c.Leistung.OzgId).Where(id => id == elsewhere || id == inThemenfeld));
        Assert.Equal(changes.Select(c => Cursor(c.Cursor)).Order(), changes.Select(c => Cursor(c.Cursor)));
        Assert.True(Cursor(changes[0].Cursor) > Cursor(snapshot.Cursor));
        Assert.All(all, b => Assert.Equal(b.Changes[^1].Cursor, b.Cursor));
        Assert.All(changes, c => Assert.Empty(c.ChangedFigures));
        Assert.All(all, b => Assert.Equal(b.ChangedFigures.Count, b.ChangedFigures.Select(f => f.Key).Distinct().Count()));
        Assert.Contains(all.SelectMany(b => b.ChangedFigures), f => f.Key == $"themenfeld/{themenfeldId}/reifegrad/4");

        // The filtered stream leaves out the other Themenfeld's change but not the figures it moved.
        Assert.DoesNotContain(mine.SelectMany(b => b.Changes), c => c.Leistung.OzgId == elsewhere);
        var elsewhereThemenfeld = (await _leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = elsewhere })).Leistung.ThemenfeldId;
        Assert.Contains(mine.SelectMany(b => b.ChangedFigures), f => f.Key == $"themenfeld/{elsewhereThemenfeld}/reifegrad/4");

        static List<Protos.V1.ChangeBatch> Batches(List<WatchProgrammeResponse> messages)
        {
            Assert.DoesNotContain(messages, m => m.EventCase is WatchProgrammeResponse.EventOneofCase.LeistungChanged or WatchProgrammeResponse.EventOneofCase.FiguresChanged);
            return [.. messages.Where(m => m.ChangeBatch is not null).Select(m => m.ChangeBatch)];
        }
    }

    [Fact]
    public void The_host_serves_WatchProgramme_with_the_marshaller_that_sends_shared_messages_serialized_once()
    {
        var endpoints = fixture.Host.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints;

        // The gRPC endpoint; the method's REST/JSON route carries the same metadata.
        var watch = endpoints.Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Grpc.JsonTranscoding.GrpcJsonTranscodingMetadata>() is null)
            .Select(e => e.Metadata.GetMetadata<Grpc.AspNetCore.Server.GrpcMethodMetadata>())
            .Single(m => m?.Method.FullName == "/ozg.v1.MonitoringService/WatchProgramme");

        Assert.Same(OzgGrid.Gateway.Monitoring.SharedStreamMessages.Marshaller, ((Method<WatchProgrammeRequest, WatchProgrammeResponse>)watch!.Method).ResponseMarshaller);
    }

    [Fact]
    public async Task A_watcher_that_reconnects_with_its_cursor_gets_exactly_what_it_missed()
    {
        var ozgId = fixture.TakeOzgId();
        string cursor;
        await using (var first = StreamWatcher.Open(_monitoring, new WatchProgrammeRequest { OzgIds = { ozgId } }))
        {
            cursor = (await first.ReadSnapshotAsync())[^1].Snapshot.Cursor;
        }

        await Update(ozgId, reifegrad: 1);
        await Update(ozgId, reifegrad: 2);
        await using var resumed = StreamWatcher.Open(_monitoring, new WatchProgrammeRequest { OzgIds = { ozgId }, ResumeCursor = cursor });
        var messages = await resumed.ReadUntilAsync(m => m.LeistungChanged?.Leistung.Version == 3, "the second missed change");

        Assert.Equal(cursor, messages[0].Resumed.AfterCursor);
        Assert.Equal([2L, 3L], messages.Where(m => m.LeistungChanged is not null).Select(m => m.LeistungChanged.Leistung.Version));
        Assert.DoesNotContain(messages, m => m.Snapshot is not null);
    }

    [Fact]
    public async Task A_cursor_that_can_no_longer_be_resumed_gets_a_snapshot_saying_so()
    {
        await using var watcher = StreamWatcher.Open(_monitoring, new WatchProgrammeRequest { ResumeCursor = "0.12345" });

        var snapshot = (await watcher.ReadSnapshotAsync())[^1].Snapshot;
        var garbage = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = _monitoring.WatchProgramme(new WatchProgrammeRequest { ResumeCursor = "yesterday" });
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });

        Assert.Equal(SnapshotReason.ResumeUnavailable, snapshot.Reason);
        Assert.Equal(KnownData.Leistungen, snapshot.Leistungen.Count);
        Assert.Equal(StatusCode.InvalidArgument, garbage.StatusCode);
        Assert.StartsWith("resume_cursor", garbage.Status.Detail);
    }

    [Fact]
    public async Task A_new_watcher_gets_the_latest_changes_with_its_snapshot_oldest_first_and_filtered_like_the_stream()
    {
        var ozgId = fixture.TakeOzgId();
        var otherOzgId = fixture.TakeOzgId();
        var first = await _leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 2 });
        var second = await _leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 3 });

        var snapshot = await Eventually.ReturnsAsync(
            () => SnapshotAsync(new WatchProgrammeRequest()),
            s => s.RecentChanges.Any(c => c.Leistung.OzgId == ozgId && c.Leistung.Version == second.Version),
            "the second change among the snapshot's latest changes");
        var filtered = await SnapshotAsync(new WatchProgrammeRequest { OzgIds = { otherOzgId } });

        // The Leistung's catalogue import (version 1) may still be among the latest changes of a freshly started host.
        var mine = snapshot.RecentChanges.Where(c => c.Leistung.OzgId == ozgId && c.Leistung.Version >= first.Version).ToList();
        Assert.Equal([first.Version, second.Version], mine.Select(c => c.Leistung.Version));
        Assert.Contains(mine[^1].Fields, f => f.Field == "reifegrad" && f.Before == "2" && f.After == "3");
        Assert.InRange(snapshot.RecentChanges.Count, 2, 50);
        Assert.Equal(snapshot.RecentChanges.Select(c => Sequence(c.Cursor)).Order(), snapshot.RecentChanges.Select(c => Sequence(c.Cursor)));
        Assert.All(snapshot.RecentChanges, c => Assert.True(Sequence(c.Cursor) <= Sequence(snapshot.Cursor)));
        Assert.All(filtered.RecentChanges, c => Assert.Equal(otherOzgId, c.Leistung.OzgId));
    }

    [Fact]
    public async Task A_stalled_watcher_neither_delays_a_healthy_one_nor_the_writers_and_is_cut_off_to_resume()
    {
        var hub = fixture.Host.Services.GetRequiredService<Grains.Monitoring.MonitoringHub>();
        var cutOffBefore = hub.CutOffCount;
        var ozgId = fixture.TakeOzgId();
        await using var healthy = StreamWatcher.Open(_monitoring, new WatchProgrammeRequest { OzgIds = { ozgId } });
        await healthy.ReadSnapshotAsync();
        using var stalled = _monitoring.WatchProgramme(new WatchProgrammeRequest());
        Assert.True(await stalled.ResponseStream.MoveNext(CancellationToken.None));
        var snapshotCursor = stalled.ResponseStream.Current.Snapshot.Cursor;

        var version = 1L;
        while (hub.CutOffCount == cutOffBefore)
        {
            Assert.True(version < 2_000, "The stalled watcher should be cut off within 2,000 changes.");
            await Update(ozgId, reifegrad: 1 + (int)(version % 4));
            version++;
        }

        // It reads again at once: what was written before the cut-off, then the status naming where to resume.
        var (received, cutOff) = await StreamEnd.DrainAsync(stalled, Eventually.DefaultTimeout);
        await healthy.ReadUntilAsync(m => m.LeistungChanged?.Leistung.Version == version, $"all {version - 1} changes at the healthy watcher");
        Assert.Equal(StatusCode.ResourceExhausted, cutOff.StatusCode);
        var hint = cutOff.Trailers.GetValue(Gateway.Monitoring.FellBehind.ResumeCursorTrailer);
        Assert.NotNull(hint);
        Assert.Contains($"resume_cursor \"{hint}\"", cutOff.Status.Detail);
        var lastRead = received.Select(StreamEnd.CursorOf).Where(c => c.Length > 0).LastOrDefault(snapshotCursor);
        Assert.True(Sequence(hint) <= Sequence(lastRead), $"The hint {hint} should not be ahead of what the client read ({lastRead}).");

        await using var resumed = StreamWatcher.Open(_monitoring, new WatchProgrammeRequest { OzgIds = { ozgId }, ResumeCursor = hint });
        var replay = await resumed.ReadUntilAsync(m => m.LeistungChanged?.Leistung.Version == version, $"version {version} after resuming");
        Assert.Equal(WatchProgrammeResponse.EventOneofCase.Resumed, replay[0].EventCase);
    }

    [Fact]
    public async Task A_watcher_that_disconnects_is_removed_from_the_hub()
    {
        var hub = fixture.Host.Services.GetRequiredService<Grains.Monitoring.MonitoringHub>();

        // Streams of the tests before this one end when the server notices their client went: until then they still
        // count. Only the silo's own follower (the monitoring-lag recorder) stays subscribed between tests.
        const int silosOwn = 1;
        var before = await Eventually.ReturnsAsync(() => Task.FromResult(hub.SubscriptionCount), count => count == silosOwn, "the streams of earlier tests to be removed");
        var watcher = StreamWatcher.Open(_monitoring, new WatchProgrammeRequest { OzgIds = { KnownData.ElterngeldOzgId } });
        await watcher.ReadSnapshotAsync();
        var connected = hub.SubscriptionCount;

        await watcher.DisposeAsync();

        Assert.Equal(before + 1, connected);
        await Eventually.ReturnsAsync(() => Task.FromResult(hub.SubscriptionCount), count => count == before, "the subscription to be removed");
    }

    [Fact]
    public async Task Reports_are_exported_as_CSV_with_one_row_per_Themenfeld_Land_and_Lage()
    {
        var themenfelder = await _monitoring.ExportReportAsync(new ExportReportRequest { Kind = ReportKind.Themenfelder });
        var laender = await _monitoring.ExportReportAsync(new ExportReportRequest { Kind = ReportKind.Laender });
        var lagen = await _monitoring.ExportReportAsync(new ExportReportRequest { Kind = ReportKind.Lagen });
        var unspecified = await Assert.ThrowsAsync<RpcException>(() => _monitoring.ExportReportAsync(new ExportReportRequest()).ResponseAsync);

        string[] Lines(ExportReportResponse report) => report.Csv.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("themenfeld_id,name,leistungen,ozg_konform,reifegrad_0", Lines(themenfelder)[0]);
        Assert.EndsWith(",ueberfaellig", Lines(themenfelder)[0]);
        Assert.EndsWith(",ueberfaellig,efa_bereitgestellt,efa_nachgenutzt,efa_nachnutzung_in_vorbereitung", Lines(laender)[0]);
        Assert.Equal(KnownData.Themenfelder + 1, Lines(themenfelder).Length);
        Assert.Contains(Lines(themenfelder), line => line.StartsWith("1,Arbeit & Ruhestand,", StringComparison.Ordinal));
        Assert.Equal(17, Lines(laender).Length);
        Assert.Contains(Lines(laender), line => line.StartsWith("NW,Nordrhein-Westfalen,", StringComparison.Ordinal));
        Assert.Equal(KnownData.Lagen + 1, Lines(lagen).Length);
        Assert.EndsWith(".csv", lagen.FileName);
        Assert.Equal(StatusCode.InvalidArgument, unspecified.StatusCode);
    }

    [Fact]
    public async Task The_status_of_a_Leistung_and_of_the_programme_at_a_past_moment_come_from_the_history()
    {
        var ozgId = fixture.TakeOzgId();
        await Update(ozgId, reifegrad: 2);
        var between = DateTimeOffset.UtcNow;
        await Update(ozgId, reifegrad: 4);

        var then = await _monitoring.GetLeistungAsOfAsync(new GetLeistungAsOfRequest { OzgId = ozgId, AsOf = Timestamp.FromDateTimeOffset(between) });
        var now = await _monitoring.GetLeistungAsOfAsync(new GetLeistungAsOfRequest { OzgId = ozgId, AsOf = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) });
        var beforeCatalogue = await Assert.ThrowsAsync<RpcException>(() => _monitoring.GetLeistungAsOfAsync(new GetLeistungAsOfRequest
        {
            OzgId = ozgId, AsOf = Timestamp.FromDateTimeOffset(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        }).ResponseAsync);
        var programmeIn2020 = await _monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest
        {
            AsOf = Timestamp.FromDateTimeOffset(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        });
        var programmeThen = await _monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest { AsOf = Timestamp.FromDateTimeOffset(between) });

        Assert.Equal(2, then.Leistung.Status.Reifegrad);
        Assert.Equal(2, then.Leistung.Version);
        Assert.Equal(4, now.Leistung.Status.Reifegrad);
        Assert.Equal(StatusCode.NotFound, beforeCatalogue.StatusCode);
        Assert.Equal(0, programmeIn2020.Figures.Leistungen);
        Assert.Equal(KnownData.Leistungen, programmeThen.Figures.Leistungen);
        Assert.Empty(programmeThen.Cursor);
    }

    [Fact]
    public async Task Progress_per_day_and_month_shows_todays_headline_figures()
    {
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");

        var daily = await _monitoring.GetProgressAsync(new GetProgressRequest { Granularity = ProgressGranularity.Day });
        var monthly = await _monitoring.GetProgressAsync(new GetProgressRequest { Granularity = ProgressGranularity.Month });
        var inverted = await Assert.ThrowsAsync<RpcException>(() =>
            _monitoring.GetProgressAsync(new GetProgressRequest { From = "2026-12-31", To = "2026-01-01" }).ResponseAsync);

        var point = Assert.Single(daily.Points);
        Assert.Equal(today, point.Day);
        Assert.Equal(KnownData.Leistungen, point.Leistungen);
        Assert.Equal(point.OzgKonform, point.OzgKonformGained);
        Assert.Equal(point.Day, Assert.Single(monthly.Points).Day);
        Assert.Equal(StatusCode.InvalidArgument, inverted.StatusCode);
    }

    private static long Cursor(string cursor) => long.Parse(cursor.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Snapshot> SnapshotAsync(WatchProgrammeRequest request)
    {
        await using var watcher = StreamWatcher.Open(_monitoring, request);
        return (await watcher.ReadSnapshotAsync())[^1].Snapshot;
    }

    /// <summary>The sequence of a cursor ("epoch.sequence"), for ordering.</summary>
    private static long Sequence(string cursor) =>
        Grains.Abstractions.Monitoring.MonitoringCursor.TryParse(cursor, out var parsed) ? parsed.Sequence : throw new FormatException($"Not a cursor: {cursor}");

    private async Task Update(int ozgId, int reifegrad, string? land = null, Verfuegbarkeit verfuegbarkeit = Verfuegbarkeit.Unspecified)
    {
        var request = new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = reifegrad };
        if (land is not null)
        {
            request.Verfuegbarkeit = new LandVerfuegbarkeit { Land = land, Verfuegbarkeit = verfuegbarkeit };
        }

        await _leistungen.UpdateLeistungStatusAsync(request);
    }
}

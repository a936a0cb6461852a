using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Kommunen;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>The rollout per Kommune over real gRPC, on the shipped registers (all Gemeinden of the Gemeindeverzeichnis). On each store: <see cref="AzuriteRolloutServiceTests"/>, <see cref="Postgres.PostgresRolloutServiceTests"/>.</summary>
public abstract class RolloutServiceTests(GatewayFixture fixture)
{
    private static readonly int NrwKommunen = ShippedRegister.Of("NW").Length;

    private readonly RolloutService.RolloutServiceClient _rollout = new(fixture.Host.Channel);

    [Fact]
    public async Task Kommunen_reports_move_the_Land_figures_and_the_watch_stream_from_one_Kommune_to_flaechendeckend_and_back()
    {
        var ozgId = await OnlineLeistungAsync();
        await using var watcher = StreamWatcher.Open(fixture.Monitoring, new WatchProgrammeRequest { OzgIds = { ozgId } });
        await watcher.ReadSnapshotAsync();

        await _rollout.ReportRolloutAsync(Report(ozgId, Nrw(1), KommuneVerfuegbarkeit.Online));
        Assert.Equal(
            ["land/NW/in-mindestens-einer-kommune", "land/NW/verfuegbarkeit/InMindestensEinerKommune", "land/NW/verfuegbarkeit/Keine"],
            await NrwFiguresMovedAsync(ozgId, watcher, Verfuegbarkeit.InMindestensEinerKommune));

        var all = await _rollout.ReportRolloutsAsync(new ReportRolloutsRequest
        {
            RequestId = NewId(),
            Entries = { Enumerable.Range(2, NrwKommunen - 1).Select(n => Entry(ozgId, Nrw(n), KommuneVerfuegbarkeit.Online)) },
        });
        Assert.True(NrwKommunen - 1 == all.AcceptedCount, string.Join("; ", all.Results.Where(r => r.Code != RolloutResultCode.Accepted).Select(r => $"{r.Ags} {r.Code} {r.Reason}")));
        Assert.Equal(
            ["land/NW/flaechendeckend", "land/NW/verfuegbarkeit/Flaechendeckend", "land/NW/verfuegbarkeit/InMindestensEinerKommune"],
            await NrwFiguresMovedAsync(ozgId, watcher, Verfuegbarkeit.Flaechendeckend));
        var rollout = await _rollout.GetRolloutAsync(new GetRolloutRequest { OzgId = ozgId, Land = "NW" });
        Assert.Equal((Verfuegbarkeit.Flaechendeckend, NrwKommunen, NrwKommunen), (rollout.Verfuegbarkeit, rollout.OnlineKommunen, rollout.RegisteredKommunen));

        await _rollout.ReportRolloutAsync(Report(ozgId, Nrw(200), KommuneVerfuegbarkeit.Keine));
        Assert.Equal(
            ["land/NW/flaechendeckend", "land/NW/verfuegbarkeit/Flaechendeckend", "land/NW/verfuegbarkeit/InMindestensEinerKommune"],
            await NrwFiguresMovedAsync(ozgId, watcher, Verfuegbarkeit.InMindestensEinerKommune));
        var leistung = (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung;
        Assert.Equal(Verfuegbarkeit.InMindestensEinerKommune, leistung.Status.Verfuegbarkeit["NW"]);
    }

    /// <summary>
    /// The NW figures the Leistung's change to <paramref name="nw"/> moved (<see cref="StreamWatcher.LandFiguresMovedAsync"/>).
    /// On a timeout, says where the Land's value stopped: in the rollout (derived, not published), in the Leistung, or
    /// before the monitoring.
    /// </summary>
    private async Task<string[]> NrwFiguresMovedAsync(int ozgId, StreamWatcher watcher, Verfuegbarkeit nw)
    {
        try
        {
            return await watcher.LandFiguresMovedAsync(ozgId, "NW", nw);
        }
        catch (TimeoutException timeout)
        {
            var rollout = await _rollout.GetRolloutAsync(new GetRolloutRequest { OzgId = ozgId, Land = "NW" });
            var leistung = (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung;
            throw new TimeoutException(
                $"{timeout.Message}. The rollout in NW: derived {rollout.Verfuegbarkeit}, published {rollout.PublishedVerfuegbarkeit}, " +
                $"{rollout.OnlineKommunen} of {rollout.RegisteredKommunen} Kommunen online; the Leistung: version {leistung.Version}, " +
                $"NW {leistung.Status.Verfuegbarkeit.GetValueOrDefault("NW")}", timeout);
        }
    }

    [Fact]
    public async Task A_batch_applies_its_good_entries_and_answers_each_bad_one_with_its_reason()
    {
        var ozgId = await OnlineLeistungAsync();
        var request = new ReportRolloutsRequest
        {
            RequestId = NewId(),
            Entries =
            {
                Entry(ozgId, Nrw(1), KommuneVerfuegbarkeit.Online),
                Entry(ozgId, Nrw(2), KommuneVerfuegbarkeit.Pilot, reifegrad: 2),
                Entry(ozgId, "0500001", KommuneVerfuegbarkeit.Online),
                Entry(ozgId, "99000001", KommuneVerfuegbarkeit.Online),
                Entry(ozgId, "05999999", KommuneVerfuegbarkeit.Online),
                Entry(ozgId, Nrw(3), KommuneVerfuegbarkeit.Online, reifegrad: 7),
                Entry(ozgId, Nrw(1), KommuneVerfuegbarkeit.Keine),
                Entry(999_999, Nrw(4), KommuneVerfuegbarkeit.Online),
                Entry(ozgId, Nrw(5), KommuneVerfuegbarkeit.Online, reifegrad: 0),
                Entry(ozgId, Nrw(6), KommuneVerfuegbarkeit.Unspecified),
            },
        };

        var response = await _rollout.ReportRolloutsAsync(request);

        RolloutResultCode[] expected =
        [
            RolloutResultCode.Accepted, RolloutResultCode.Accepted, RolloutResultCode.InvalidArgument, RolloutResultCode.InvalidArgument,
            RolloutResultCode.NotFound, RolloutResultCode.InvalidArgument, RolloutResultCode.InvalidArgument, RolloutResultCode.NotFound,
            RolloutResultCode.FailedPrecondition, RolloutResultCode.InvalidArgument,
        ];
        Assert.Equal(expected, response.Results.Select(r => r.Code));
        Assert.Equal(Enumerable.Range(0, expected.Length), response.Results.Select(r => r.Index));
        Assert.Equal((2, 8), (response.AcceptedCount, response.RefusedCount));
        Assert.All(response.Results.Skip(2), r => Assert.True(r.Reason.Length > 10 && r.Entry is null, r.ToString()));
        Assert.Contains("listed twice", response.Results[6].Reason);
        Assert.Contains("not in the Kommunen register", response.Results[4].Reason);

        var rollout = await _rollout.GetRolloutAsync(new GetRolloutRequest { OzgId = ozgId, Land = "05" });
        Assert.Equal([Nrw(1), Nrw(2)], rollout.Entries.Select(e => e.Ags));
        Assert.Equal((1, 1, Verfuegbarkeit.InMindestensEinerKommune), (rollout.OnlineKommunen, rollout.PilotKommunen, rollout.Verfuegbarkeit));
        Assert.Equal(TestHost.ManagementSubject, rollout.Entries[0].ChangedBy);
    }

    [Fact]
    public async Task Reporting_again_with_the_same_request_id_or_the_same_values_changes_nothing()
    {
        var ozgId = await OnlineLeistungAsync();
        var report = Report(ozgId, Nrw(7), KommuneVerfuegbarkeit.Online);

        var first = await _rollout.ReportRolloutAsync(report);
        var versionAfterFirst = await LeistungVersionAsync(ozgId);
        var retried = await _rollout.ReportRolloutAsync(report);
        var repeated = await _rollout.ReportRolloutAsync(new ReportRolloutRequest { RequestId = NewId(), Report = report.Report });
        var batched = await _rollout.ReportRolloutsAsync(new ReportRolloutsRequest { RequestId = NewId(), Entries = { report.Report } });

        Assert.Equal(first.Entry, retried.Entry);
        Assert.Equal(1, repeated.Entry.Version);
        Assert.Equal(1, batched.Results[0].Entry.Version);
        Assert.Equal(versionAfterFirst, await LeistungVersionAsync(ozgId));
        var rollout = await _rollout.GetRolloutAsync(new GetRolloutRequest { OzgId = ozgId, Land = "NW" });
        Assert.Equal((1, 1), (rollout.OnlineKommunen, rollout.ReportedEntries));
    }

    [Fact]
    public async Task An_IT_Dienstleister_reports_only_for_its_Leistungen_in_the_Laender_it_serves()
    {
        var assigned = await OnlineLeistungAsync();
        var unassigned = await OnlineLeistungAsync();
        await fixture.Leistungen.SetZustaendigkeitAsync(new SetZustaendigkeitRequest
        {
            OzgId = assigned, RequestId = NewId(), Zustaendigkeit = new Zustaendigkeit { Land = "HB", ItDienstleister = KnownData.Dataport },
        });
        var bremen = ShippedRegister.Of("HB");
        var dataport = new RolloutService.RolloutServiceClient(fixture.Host.ChannelFor(Roles.ItDienstleister, "dataport:carla", KnownData.Dataport));

        var accepted = await dataport.ReportRolloutAsync(Report(assigned, bremen[0].Ags, KommuneVerfuegbarkeit.Online));
        var elsewhere = await Assert.ThrowsAsync<RpcException>(() => dataport.ReportRolloutAsync(Report(assigned, Nrw(1), KommuneVerfuegbarkeit.Online)).ResponseAsync);
        var notAssigned = await Assert.ThrowsAsync<RpcException>(() => dataport.ReportRolloutAsync(Report(unassigned, bremen[0].Ags, KommuneVerfuegbarkeit.Online)).ResponseAsync);
        var batch = await dataport.ReportRolloutsAsync(new ReportRolloutsRequest
        {
            RequestId = NewId(),
            Entries = { Entry(assigned, bremen[1].Ags, KommuneVerfuegbarkeit.Online), Entry(assigned, Nrw(2), KommuneVerfuegbarkeit.Online) },
        });

        Assert.Equal("dataport:carla", accepted.Entry.ChangedBy);
        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (elsewhere.StatusCode, notAssigned.StatusCode));
        Assert.Contains("does not serve NW", elsewhere.Status.Detail);
        Assert.Equal([RolloutResultCode.Accepted, RolloutResultCode.PermissionDenied], batch.Results.Select(r => r.Code));
        var inNrw = await _rollout.GetRolloutAsync(new GetRolloutRequest { OzgId = assigned, Land = "NW" });
        Assert.Equal(0, inNrw.ReportedEntries);
        var inBremen = await _rollout.GetRolloutAsync(new GetRolloutRequest { OzgId = assigned, Land = "HB" });
        Assert.Equal((Verfuegbarkeit.Flaechendeckend, 2), (inBremen.Verfuegbarkeit, inBremen.RegisteredKommunen));
    }

    [Fact]
    public async Task Malformed_requests_are_refused_before_anything_is_applied()
    {
        var unknownLeistung = await Assert.ThrowsAsync<RpcException>(() => _rollout.GetRolloutAsync(new GetRolloutRequest { OzgId = 999_999, Land = "NW" }).ResponseAsync);
        var foreignAgs = await Assert.ThrowsAsync<RpcException>(() => _rollout.ImportKommunenAsync(new ImportKommunenRequest
        {
            RequestId = NewId(), Land = "SL", Kommunen = { new Kommune { Ags = Nrw(1), Name = "Düsseldorf" } },
        }).ResponseAsync);
        var empty = await Assert.ThrowsAsync<RpcException>(() => _rollout.ReportRolloutsAsync(new ReportRolloutsRequest { RequestId = NewId() }).ResponseAsync);
        var noRequestId = await Assert.ThrowsAsync<RpcException>(() => _rollout.ReportRolloutAsync(new ReportRolloutRequest
        {
            Report = new RolloutReport { OzgId = KnownData.ElterngeldOzgId, Ags = Nrw(1), Verfuegbarkeit = KommuneVerfuegbarkeit.Keine },
        }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, unknownLeistung.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, foreignAgs.StatusCode);
        Assert.Contains("starts with 10", foreignAgs.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, noRequestId.StatusCode);
    }

    /// <summary>A Leistung of this test's own at Reifegrad 3, so that it may be available in a Kommune.</summary>
    private async Task<int> OnlineLeistungAsync()
    {
        var ozgId = fixture.TakeOzgId();
        await fixture.Leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = NewId(), Reifegrad = 3 });
        return ozgId;
    }

    private async Task<long> LeistungVersionAsync(int ozgId) =>
        (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.Version;

    /// <summary>The AGS of the n-th NW Gemeinde of the shipped register.</summary>
    private static string Nrw(int n) => ShippedRegister.Ags("NW", n);

    private static ReportRolloutRequest Report(int ozgId, string ags, KommuneVerfuegbarkeit verfuegbarkeit) =>
        new() { RequestId = NewId(), Report = Entry(ozgId, ags, verfuegbarkeit) };

    private static RolloutReport Entry(int ozgId, string ags, KommuneVerfuegbarkeit verfuegbarkeit, int reifegrad = 3) =>
        new() { OzgId = ozgId, Ags = ags, Verfuegbarkeit = verfuegbarkeit, Reifegrad = reifegrad };

    private static string NewId() => Guid.NewGuid().ToString();
}

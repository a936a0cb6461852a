using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;
using DomainVerfuegbarkeit = OzgGrid.Grains.Abstractions.Leistungen.Verfuegbarkeit;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// Whose a request id is, over real gRPC: a request id is remembered per caller and record, authorisation is decided
/// before a remembered answer is given, and OzgGrid's own writes use request ids no caller can take first.
/// On each store: <see cref="AzuriteWritePathScopeTests"/>, <see cref="Postgres.PostgresWritePathScopeTests"/>.
/// </summary>
public abstract class WritePathScopeTests(GatewayFixture fixture)
{
    private readonly LeistungService.LeistungServiceClient _management = fixture.Leistungen;

    [Fact]
    public async Task An_IT_Dienstleister_replaying_another_ones_request_id_with_the_same_change_is_denied_and_gets_no_answer()
    {
        var ozgId = fixture.TakeOzgId();
        var a = await RegisterAsync("HE");
        var b = await RegisterAsync("HE");
        await AssignAsync(ozgId, "HE", a);
        var requestId = NewId();
        var change = new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = requestId, Reifegrad = 2 };
        var written = await LeistungenOf(a).UpdateLeistungStatusAsync(change);

        var replayed = await Assert.ThrowsAsync<RpcException>(() => LeistungenOf(b).UpdateLeistungStatusAsync(change).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, replayed.StatusCode);
        Assert.DoesNotContain(requestId, replayed.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(written.Version, await VersionAsync(ozgId));
    }

    [Fact]
    public async Task An_IT_Dienstleister_reusing_another_ones_request_id_for_another_change_is_denied_without_learning_that_it_exists()
    {
        var ozgId = fixture.TakeOzgId();
        var a = await RegisterAsync("HE");
        var b = await RegisterAsync("HE");
        await AssignAsync(ozgId, "HE", a);
        var requestId = NewId();
        var written = await LeistungenOf(a).UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = requestId, Reifegrad = 2 });

        var reused = await Assert.ThrowsAsync<RpcException>(() => LeistungenOf(b).UpdateLeistungStatusAsync(
            new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = requestId, Reifegrad = 3 }).ResponseAsync);

        // The same refusal as for any request id: nothing in it tells B that A used this one.
        Assert.Equal(StatusCode.PermissionDenied, reused.StatusCode);
        Assert.DoesNotContain(requestId, reused.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("request_id", reused.Status.Detail, StringComparison.OrdinalIgnoreCase);
        var read = (await _management.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung;
        Assert.Equal((written.Version, 2), (read.Version, read.Status.Reifegrad));
    }

    [Fact]
    public async Task Two_programme_managers_using_the_same_request_id_on_a_Leistung_both_have_their_change_applied()
    {
        var ozgId = fixture.TakeOzgId();
        var x = new LeistungService.LeistungServiceClient(fixture.Host.ChannelFor(Roles.ProgrammManagement, $"pm-x-{NewId()}"));
        var y = new LeistungService.LeistungServiceClient(fixture.Host.ChannelFor(Roles.ProgrammManagement, $"pm-y-{NewId()}"));
        var requestId = NewId();
        SetZustaendigkeitRequest Assign(string land) => new()
        {
            OzgId = ozgId, RequestId = requestId, Zustaendigkeit = new Zustaendigkeit { Land = land, ItDienstleister = KnownData.Dataport },
        };

        var byX = await x.SetZustaendigkeitAsync(Assign("HB"));
        var byY = await y.SetZustaendigkeitAsync(Assign("HH"));
        var retriedByX = await x.SetZustaendigkeitAsync(Assign("HB"));

        Assert.Equal(byX.Version + 1, byY.Version);
        Assert.Equal(byX, retriedByX);
        var read = (await _management.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung;
        Assert.Equal(("HH", byY.Version), (read.Zustaendigkeit.Land, read.Version));
    }

    [Fact]
    public async Task Two_programme_managers_using_the_same_request_id_on_a_Themenfeld_both_have_their_Federfuehrung_applied()
    {
        var themenfeldId = fixture.TakeThemenfeldId();
        var x = new ThemenfeldService.ThemenfeldServiceClient(fixture.Host.ChannelFor(Roles.ProgrammManagement, $"pm-x-{NewId()}"));
        var y = new ThemenfeldService.ThemenfeldServiceClient(fixture.Host.ChannelFor(Roles.ProgrammManagement, $"pm-y-{NewId()}"));
        var requestId = NewId();
        SetFederfuehrungRequest Lead(string bundesressort) => new()
        {
            ThemenfeldId = themenfeldId, RequestId = requestId, Federfuehrung = new Federfuehrung { Bundesressort = bundesressort },
        };

        var byX = await x.SetFederfuehrungAsync(Lead("BMI"));
        var byY = await y.SetFederfuehrungAsync(Lead("BMJ"));
        var retriedByX = await x.SetFederfuehrungAsync(Lead("BMI"));

        Assert.Equal(byX.Themenfeld.Version + 1, byY.Themenfeld.Version);
        Assert.Equal(byX, retriedByX);
        var read = (await fixture.Themenfelder.GetThemenfeldAsync(new GetThemenfeldRequest { ThemenfeldId = themenfeldId })).Themenfeld;
        Assert.Equal(("BMJ", byY.Themenfeld.Version), (read.Federfuehrung.Bundesressort, read.Version));
    }

    [Fact]
    public async Task Request_ids_planted_under_the_rollout_names_do_not_block_the_derived_Verfuegbarkeit()
    {
        var ozgId = fixture.TakeOzgId();
        var planter = await RegisterAsync("SL");
        var reporter = await RegisterAsync("NW");
        await AssignAsync(ozgId, "SL", planter);

        // Taken before the rollout writes: the ids of its first publications into the Leistung, spelled as the grain spells them.
        for (var n = 1; n <= 3; n++)
        {
            foreach (var value in Enum.GetValues<DomainVerfuegbarkeit>())
            {
                await LeistungenOf(planter).UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
                {
                    OzgId = ozgId, RequestId = $"rollout/{ozgId}/NW/{n}/{value}", Reifegrad = 3,
                });
            }
        }

        // Only the assigned IT-Dienstleister reports, and only in a Land it serves.
        await AssignAsync(ozgId, "NW", reporter);
        var rollout = new RolloutService.RolloutServiceClient(fixture.Host.ChannelFor(Roles.ItDienstleister, $"{reporter}:rollout", reporter));
        var reported = await rollout.ReportRolloutAsync(new ReportRolloutRequest
        {
            RequestId = NewId(),
            Report = new RolloutReport { OzgId = ozgId, Ags = ShippedRegister.Ags("NW", 1), Verfuegbarkeit = KommuneVerfuegbarkeit.Online, Reifegrad = 3 },
        });

        Assert.Equal(KommuneVerfuegbarkeit.Online, reported.Entry.Verfuegbarkeit);
        await Eventually.ReturnsAsync(
            async () =>
            {
                var land = await rollout.GetRolloutAsync(new GetRolloutRequest { OzgId = ozgId, Land = "NW" });
                var leistung = (await _management.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung;
                return (Derived: land.Verfuegbarkeit, Published: land.PublishedVerfuegbarkeit, InLeistung: leistung.Status.Verfuegbarkeit.GetValueOrDefault("NW", Verfuegbarkeit.Keine));
            },
            now => now == (Verfuegbarkeit.InMindestensEinerKommune, Verfuegbarkeit.InMindestensEinerKommune, Verfuegbarkeit.InMindestensEinerKommune),
            "NW in mindestens einer Kommune derived, published and in the Leistung's status (as derived, published, in the Leistung)",
            TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task A_replay_after_the_Leistung_was_assigned_to_another_IT_Dienstleister_is_denied()
    {
        var ozgId = fixture.TakeOzgId();
        var a = await RegisterAsync("RP");
        var b = await RegisterAsync("RP");
        await AssignAsync(ozgId, "RP", a);
        var change = new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = NewId(), Reifegrad = 2 };
        await LeistungenOf(a).UpdateLeistungStatusAsync(change);
        await AssignAsync(ozgId, "RP", b);

        var retried = await Assert.ThrowsAsync<RpcException>(() => LeistungenOf(a).UpdateLeistungStatusAsync(change).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, retried.StatusCode);
    }

    /// <summary>A fresh IT-Dienstleister serving <paramref name="laender"/>, so that no other test's assignments meet this one's.</summary>
    private async Task<string> RegisterAsync(params string[] laender)
    {
        var id = $"wps-{Guid.NewGuid():N}"[..20];
        await new ItDienstleisterService.ItDienstleisterServiceClient(fixture.Host.Channel).RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest
        {
            Id = id, RequestId = NewId(), Name = $"IT-Dienstleister {id}", Laender = { laender },
        });
        return id;
    }

    private async Task AssignAsync(int ozgId, string land, string itDienstleister) =>
        await _management.SetZustaendigkeitAsync(new SetZustaendigkeitRequest
        {
            OzgId = ozgId, RequestId = NewId(), Zustaendigkeit = new Zustaendigkeit { Land = land, ItDienstleister = itDienstleister },
        });

    private LeistungService.LeistungServiceClient LeistungenOf(string itDienstleister) =>
        new(fixture.Host.ChannelFor(Roles.ItDienstleister, $"{itDienstleister}:staff", itDienstleister));

    private async Task<long> VersionAsync(int ozgId) =>
        (await _management.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.Version;

    private static string NewId() => Guid.NewGuid().ToString();
}

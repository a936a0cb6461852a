using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Gateway.Identity;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// A newer Gebietsstand merging a Kommune, over real gRPC: the Kommune's Anschluss checklist and its
/// place in a Leistung's responsible Kommunen move to its successor (progress, overdue, forecast, rollout counts), writes
/// for its old AGS are refused naming the successor, and the import is in the register's history and on the stream.
/// On each store: <see cref="AzuriteKommunenMergerTests"/>, <see cref="Postgres.PostgresKommunenMergerTests"/>.
/// </summary>
public abstract class KommunenMergerTests(GatewayFixture fixture)
{
    private const string Land = "TH";

    private readonly AnschlussService.AnschlussServiceClient _anschluss = new(fixture.Host.Channel);
    private readonly RolloutService.RolloutServiceClient _rollout = new(fixture.Host.Channel);
    private readonly ZustaendigkeitService.ZustaendigkeitServiceClient _zustaendigkeit = new(fixture.Host.Channel);
    private readonly ProgrammeManagementService.ProgrammeManagementServiceClient _programme = new(fixture.Host.Channel);

    [Fact]
    public async Task A_merged_Kommunes_checklist_and_responsibility_count_for_its_successor_and_the_import_is_streamed_and_listed()
    {
        var merger = new KommunenMerger(fixture.Host.Channel, Land);
        var register = await merger.RegisterAsync();
        var kreis = register.GroupBy(k => k.KreisAgs).First(group => group.Count() >= 3).ToList();
        var (merged, successor, other) = (kreis[0].Ags, kreis[1].Ags, kreis[2].Ags);
        var seed = new OnlinedienstSeed(fixture.Host.Channel);
        var (ozgId, leikaKey) = await seed.LeistungAsync(fixture.TakeOzgId);
        var dienst = await seed.InUseAsync(await seed.AnbieterAsync(), leikaKey, 3, 3, Land);
        await fixture.Leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = NewId(), Reifegrad = 3 });
        var today = fixture.Host.Services.GetRequiredService<ProgrammeClock>().Today;
        var geplant = Day(today.AddDays(-2));
        await _anschluss.SetAnschlussAsync(Set(dienst, merged, AnschlussSchritt.Nachnutzungsvereinbarung, Day(today.AddDays(-30)), AnschlussSchritt.GoLiveGeplant, geplant));
        await _zustaendigkeit.SetZustaendigeKommunenAsync(new SetZustaendigeKommunenRequest
        {
            OzgId = ozgId, Land = Land, RequestId = NewId(), Art = ZustaendigeKommunenArt.Liste, Ags = { merged, other },
        });
        await _rollout.ReportRolloutAsync(new ReportRolloutRequest
        {
            RequestId = NewId(), Report = new RolloutReport { OzgId = ozgId, Ags = other, Verfuegbarkeit = KommuneVerfuegbarkeit.Online, Reifegrad = 3 },
        });
        using var watch = new ProgrammeManagementService.ProgrammeManagementServiceClient(fixture.Host.ChannelFor(Roles.Monitoring, "merger-watcher"))
            .WatchProgrammeManagement(new WatchProgrammeManagementRequest());
        using var deadline = new CancellationTokenSource(Eventually.DefaultTimeout);
        Assert.True(await watch.ResponseStream.MoveNext(deadline.Token));

        var imported = await merger.MergeAsync(register, merged, successor);
        try
        {
            Assert.Equal(1, imported.Merged);

            // Progress: the retired Kommune is out of scope, its checklist (and its being overdue) its successor's.
            var fortschritt = await _anschluss.GetAnschlussFortschrittAsync(new GetAnschlussFortschrittRequest { OnlinedienstId = dienst, Land = Land });
            Assert.Equal((register.Count - 1, 1, 1), (fortschritt.LandStand.Kommunen, fortschritt.LandStand.Begonnen, fortschritt.LandStand.Ueberfaellig));
            Assert.Equal([successor], fortschritt.Ueberfaellig);
            var imKreis = fortschritt.Kreise.Single(k => k.Kreis == kreis[0].KreisAgs).Stand;
            Assert.Equal((kreis.Count - 1, 1), (imKreis.Kommunen, imKreis.Begonnen));
            var read = await _anschluss.GetAnschlussAsync(new GetAnschlussRequest { OnlinedienstId = dienst, Ags = successor });
            Assert.Equal((successor, geplant), (read.Kommune.Ags, read.Kommune.Eintraege.Single(e => e.Schritt == AnschlussSchritt.GoLiveGeplant).Wert));
            var history = await _anschluss.GetAnschlussAsync(new GetAnschlussRequest { OnlinedienstId = dienst, Ags = merged });
            Assert.Equal(2, history.Kommune.Eintraege.Count);

            // Responsible: the listed retired Kommune is its successor, which is not online: not flächendeckend.
            var rollout = await _rollout.GetRolloutAsync(new GetRolloutRequest { OzgId = ozgId, Land = Land });
            Assert.Equal((1, Verfuegbarkeit.InMindestensEinerKommune), (rollout.OnlineKommunen, rollout.Verfuegbarkeit));
            var prognose = await _anschluss.GetAnschlussPrognoseAsync(new GetAnschlussPrognoseRequest { OzgId = ozgId, Land = Land, PageSize = 500 });
            Assert.Equal((2, 1, 1), (prognose.ZustaendigeKommunen, prognose.OnlineKommunen, prognose.UeberfaelligeKommunen));
            var fehlend = Assert.Single(prognose.Fehlende);
            Assert.Equal((successor, AnschlussSchritt.Zustellweg, true), (fehlend.Ags, fehlend.Blocker, fehlend.Ueberfaellig));

            // Writes for the old AGS are refused, naming where they go now.
            var anschluss = await Assert.ThrowsAsync<RpcException>(() => _anschluss.SetAnschlussAsync(Set(dienst, merged, AnschlussSchritt.Fachverfahren, "XFall")).ResponseAsync);
            var liste = await Assert.ThrowsAsync<RpcException>(() => _zustaendigkeit.SetZustaendigeKommunenAsync(new SetZustaendigeKommunenRequest
            {
                OzgId = ozgId, Land = Land, RequestId = NewId(), Art = ZustaendigeKommunenArt.Liste, Ags = { merged },
            }).ResponseAsync);
            foreach (var refused in new[] { anschluss, liste })
            {
                Assert.Equal(StatusCode.NotFound, refused.StatusCode);
                Assert.Contains($"merged into {successor}", refused.Status.Detail);
            }

            // The import is on the stream and in the register's history.
            var announced = await NextRegisterEventAsync(watch, imported.Version, deadline.Token);
            Assert.Contains("1 merged", announced.Description);
            var changes = await _programme.ListProgrammeChangesAsync(new ListProgrammeChangesRequest { KommunenLand = Land, PageSize = 1 });
            var change = Assert.Single(changes.Changes);
            Assert.Equal((imported.Version, "import"), (change.Version, change.Action));
            Assert.Equal("1", change.Fields.Single(f => f.Field == "zusammengelegt").After);
        }
        finally
        {
            await merger.RestoreAsync(register);
        }
    }

    private static SetAnschlussRequest Set(string dienst, string ags, params object[] items) => new()
    {
        OnlinedienstId = dienst, RequestId = NewId(),
        Aenderungen = { items.Chunk(2).Select(pair => new AnschlussAenderung { Ags = ags, Schritt = (AnschlussSchritt)pair[0], Wert = (string)pair[1] }) },
    };

    private static async Task<ProgrammeEvent> NextRegisterEventAsync(
        AsyncServerStreamingCall<WatchProgrammeManagementResponse> watch, long version, CancellationToken deadline)
    {
        while (await watch.ResponseStream.MoveNext(deadline))
        {
            if (watch.ResponseStream.Current.ProgrammeEvent is { Kind: ProgrammeEventKind.KommunenGeaendert } e
                && e.Description.StartsWith($"Kommunen register of {Land}, version {version}:", StringComparison.Ordinal))
            {
                return e;
            }
        }

        throw new InvalidOperationException($"The stream ended before the register event of {Land} version {version}.");
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string NewId() => Guid.NewGuid().ToString();
}

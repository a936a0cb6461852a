using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Anschluss;
using OzgGrid.Grains.Anschluss;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Grains.Records;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;
using AnschlussAenderung = OzgGrid.Protos.V1.AnschlussAenderung;
using AnschlussEintrag = OzgGrid.Grains.Abstractions.Anschluss.AnschlussEintrag;
using AnschlussSchritt = OzgGrid.Protos.V1.AnschlussSchritt;
using DomainChange = OzgGrid.Grains.Abstractions.ProgrammeManagement.ProgrammeChange;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// An Anschluss record after a merger, over real gRPC against Azurite: its overdue Kommunen are recorded (and announced)
/// under the successor's AGS, a Go-Live recorded for the retired Kommune is reported into the successor's rollout entry,
/// and the Anschluss report shows the checklist as the successor's.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class AnschlussSuccessorTests(GatewayFixture fixture)
{
    private const string Land = "TH";

    private readonly AnschlussService.AnschlussServiceClient _anschluss = new(fixture.Host.Channel);
    private readonly ProgrammeManagementService.ProgrammeManagementServiceClient _programme = new(fixture.Host.Channel);

    private DateOnly Today => fixture.Host.Services.GetRequiredService<ProgrammeClock>().Today;

    [Fact]
    public async Task The_overdue_Kommunen_are_recorded_under_the_successor_and_the_report_shows_its_checklist()
    {
        var merger = new KommunenMerger(fixture.Host.Channel, Land);
        var register = await merger.RegisterAsync();
        var kreis = register.GroupBy(k => k.KreisAgs).First(group => group.Count() >= 3).ToList();
        var (merged, successor, other) = (kreis[0].Ags, kreis[1].Ags, kreis[2].Ags);
        var (_, dienst) = await OnlinedienstAsync();
        var geplant = Day(Today.AddDays(-2));
        await SetAsync(dienst, merged, AnschlussSchritt.GoLiveGeplant, geplant);
        Assert.Equal(merged, (await LastChangeAsync(dienst)).Fields.Single(f => f.Field == "ueberfaellig").After);

        await merger.MergeAsync(register, merged, successor);
        try
        {
            await SetAsync(dienst, other, AnschlussSchritt.Fachverfahren, "XFall");

            var ueberfaellig = (await LastChangeAsync(dienst)).Fields.Single(f => f.Field == "ueberfaellig");
            Assert.Equal((merged, successor), (ueberfaellig.Before, ueberfaellig.After));
            var report = ReportTable.Read((await _anschluss.ExportAnschlussReportAsync(
                new ExportAnschlussReportRequest { Land = Land, Teil = AnschlussReportTeil.Checklisten })).Csv).Rows.Where(r => r["onlinedienst_id"] == dienst).ToList();
            Assert.Equal(new[] { other, successor }.Order(StringComparer.Ordinal), report.Select(r => r["ags"]));
            var geerbt = report.Single(r => r["ags"] == successor);
            Assert.Equal((kreis[1].Name, geplant, "True"), (geerbt["kommune"], geerbt["go_live_geplant"], geerbt["ueberfaellig"]));
        }
        finally
        {
            await merger.RestoreAsync(register);
        }
    }

    [Fact]
    public async Task A_Go_Live_recorded_for_a_Kommune_that_merged_since_is_reported_into_its_successor()
    {
        var merger = new KommunenMerger(fixture.Host.Channel, Land);
        var register = await merger.RegisterAsync();
        var kreis = register.GroupBy(k => k.KreisAgs).First(group => group.Count() >= 2).ToList();
        var (merged, successor) = (kreis[0].Ags, kreis[1].Ags);
        var (ozgId, dienst) = await OnlinedienstAsync();
        await SetAsync(dienst, merged, AnschlussSchritt.GoLiveErfolgt, Day(Today.AddDays(-1)));

        await merger.MergeAsync(register, merged, successor);
        try
        {
            // The Kommune's confirmation was recorded as the merger was imported, and its silo stopped before it reported.
            var grain = fixture.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IAnschlussGrain>(AnschlussKeys.Of(dienst, Land));
            await StoredState.RewriteAsync<RecordState<LandAnschluss, DomainChange>>(
                fixture.Host, StorageNames.State, AnschlussGrain.Names.State, grain, stored => stored with
                {
                    Body = stored.Body! with
                    {
                        Kommunen = stored.Body.Kommunen.SetItem(merged, stored.Body.Kommunen[merged] with
                        {
                            Punkte = stored.Body.Kommunen[merged].Punkte.SetItem(
                                Grains.Abstractions.Anschluss.AnschlussSchritt.BestaetigtDurchKommune, new AnschlussEintrag("Bürgermeister", "test", DateTimeOffset.UtcNow)),
                        }),
                    },
                });

            await _anschluss.GetAnschlussAsync(new GetAnschlussRequest { OnlinedienstId = dienst, Ags = successor });

            var rollout = new RolloutService.RolloutServiceClient(fixture.Host.Channel);
            var online = await Eventually.ReturnsAsync(() => rollout.GetRolloutAsync(new GetRolloutRequest { OzgId = ozgId, Land = Land }).ResponseAsync,
                r => r.OnlineKommunen == 1, "the Go-Live reported into the successor");
            Assert.Equal(Verfuegbarkeit.InMindestensEinerKommune, online.Verfuegbarkeit);
        }
        finally
        {
            await merger.RestoreAsync(register);
        }
    }

    private async Task<(int OzgId, string Dienst)> OnlinedienstAsync()
    {
        var seed = new OnlinedienstSeed(fixture.Host.Channel);
        var (ozgId, leikaKey) = await seed.LeistungAsync(fixture.TakeOzgId);
        var dienst = await seed.InUseAsync(await seed.AnbieterAsync(), leikaKey, 3, 3, Land);
        await fixture.Leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = NewId(), Reifegrad = 3 });
        return (ozgId, dienst);
    }

    private Task<SetAnschlussResponse> SetAsync(string dienst, string ags, AnschlussSchritt schritt, string wert) =>
        _anschluss.SetAnschlussAsync(new SetAnschlussRequest
        {
            OnlinedienstId = dienst, RequestId = NewId(), Aenderungen = { new AnschlussAenderung { Ags = ags, Schritt = schritt, Wert = wert } },
        }).ResponseAsync;

    private async Task<ProgrammeChange> LastChangeAsync(string dienst) =>
        (await _programme.ListProgrammeChangesAsync(new ListProgrammeChangesRequest
        {
            Anschluss = new AnschlussSubject { OnlinedienstId = dienst, Land = Land }, PageSize = 1,
        })).Changes.Single();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string NewId() => Guid.NewGuid().ToString();
}

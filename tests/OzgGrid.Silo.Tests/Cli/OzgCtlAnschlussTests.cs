using OzgGrid.Cli;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>ozgctl's `anschluss` commands in-process against the real host: what they write, print and exit with.</summary>
[Collection(GatewayCollection.Name)]
public sealed class OzgCtlAnschlussTests(GatewayFixture fixture)
{
    private readonly OzgCtlRunner _ozgctl = new(fixture.Host);

    [Fact]
    public async Task Items_are_set_shown_and_counted_and_the_forecast_names_what_blocks_a_Kommune()
    {
        var seed = new OnlinedienstSeed(fixture.Host.Channel);
        var (ozgId, leikaKey) = await seed.LeistungAsync(fixture.TakeOzgId);
        var onlinedienst = await seed.InUseAsync(await seed.AnbieterAsync(), leikaKey, 3, 3, "NW");
        var ags = (await new RolloutService.RolloutServiceClient(fixture.Host.Channel).ListKommunenAsync(new ListKommunenRequest { Land = "NW" })).Kommunen[0].Ags;

        var set = await _ozgctl.InProcessAsync("anschluss", "set", onlinedienst, ags,
            "--set", "nachnutzungsvereinbarung=2026-01-15", "--set", "zustellweg=xta:dvdv-test", "--set", "go-live-geplant=2099-06-30", "-o", "csv");
        var cleared = await _ozgctl.InProcessAsync("anschluss", "set", onlinedienst, ags, "--clear", "zustellweg", "--expected-version", "1");
        var show = await _ozgctl.InProcessAsync("anschluss", "show", onlinedienst, ags, "-o", "csv");
        var fortschritt = await _ozgctl.InProcessAsync("anschluss", "fortschritt", onlinedienst, "NW", "-o", "csv");
        var prognose = await _ozgctl.InProcessAsync("anschluss", "prognose", ozgId.ToString(), "NW", "-o", "csv");
        var badStep = await _ozgctl.InProcessAsync("anschluss", "set", onlinedienst, ags, "--set", "glasfaser=ja");
        var badDate = await _ozgctl.InProcessAsync("anschluss", "set", onlinedienst, ags, "--set", "go-live-geplant=morgen");

        Assert.All([set, cleared, show, fortschritt, prognose], r => Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString()));
        Assert.Contains($"{ags},zustellweg,xta:dvdv-test,ozgctl-test,", set.Out);
        Assert.DoesNotContain("zustellweg", show.Out);
        Assert.Contains($"{ags},go-live-geplant,2099-06-30,", show.Out);
        Assert.Contains(fortschritt.Out.Split('\n'), line => line.StartsWith("NW,", StringComparison.Ordinal) && line.Contains(",1,0,0,1,0,"));
        Assert.Contains($"{ags},zustellweg,{onlinedienst},2099-06-30,", prognose.Out);
        Assert.Equal([ExitCodes.Usage, ExitCodes.InvalidArgument], new[] { badStep, badDate }.Select(r => r.ExitCode));
        Assert.Contains("YYYY-MM-DD", badDate.Error);
    }

    [Fact]
    public async Task The_report_is_written_as_the_API_answers_it_to_stdout_or_as_a_workbook_to_a_file()
    {
        var seed = new OnlinedienstSeed(fixture.Host.Channel);
        var (_, leikaKey) = await seed.LeistungAsync(fixture.TakeOzgId);
        var onlinedienst = await seed.InUseAsync(await seed.AnbieterAsync(), leikaKey, 3, 3, "HE");
        var ags = ShippedRegister.Ags("HE", 5);
        await new AnschlussService.AnschlussServiceClient(fixture.Host.Channel).SetAnschlussAsync(new SetAnschlussRequest
        {
            OnlinedienstId = onlinedienst, RequestId = Guid.NewGuid().ToString(),
            Aenderungen = { new AnschlussAenderung { Ags = ags, Schritt = AnschlussSchritt.Fachverfahren, Wert = "XFall" } },
        });
        var folder = Directory.CreateTempSubdirectory("ozgctl-anschluss-").FullName;
        try
        {
            var workbook = Path.Combine(folder, "fortschritt.xlsx");

            var csv = await _ozgctl.InProcessAsync("anschluss", "report", "checklisten", "--land", "HE");
            var xlsx = await _ozgctl.InProcessAsync("anschluss", "report", "fortschritt", "--land", "HE", "--format", "xlsx", "--out", workbook);
            var noFile = await _ozgctl.InProcessAsync("anschluss", "report", "prognose", "--format", "xlsx");

            Assert.All([csv, xlsx], r => Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString()));
            var api = await new AnschlussService.AnschlussServiceClient(fixture.Host.Channel).ExportAnschlussReportAsync(
                new ExportAnschlussReportRequest { Land = "HE", Teil = AnschlussReportTeil.Checklisten });
            var mine = ReportTable.Read(csv.Out).Rows.Where(r => r["onlinedienst_id"] == onlinedienst).ToList();
            Assert.Equal(ReportTable.Read(api.Csv).Rows.Where(r => r["onlinedienst_id"] == onlinedienst), mine);
            Assert.Equal((ags, "XFall"), (Assert.Single(mine)["ags"], mine[0]["fachverfahren"]));
            Assert.True(new FileInfo(workbook).Length > 0);
            Assert.Contains("bytes written to", xlsx.Error);
            Assert.NotEqual(ExitCodes.Ok, noFile.ExitCode);
            Assert.Contains("--out", noFile.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

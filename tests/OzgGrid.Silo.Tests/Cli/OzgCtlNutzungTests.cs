using OzgGrid.Cli;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>`ozgctl nutzung import FILE.csv` in-process against the real host: a file streamed in, bad lines named.</summary>
[Collection(NutzungCollection.Name)]
public sealed class OzgCtlNutzungTests(NutzungFixture fixture) : IDisposable
{
    private readonly OzgCtlRunner _ozgctl = new(fixture.Host);
    private readonly string _folder = Directory.CreateTempSubdirectory("ozgctl-nutzung-").FullName;

    [Fact]
    public async Task A_file_is_imported_and_a_bad_line_is_named_by_its_number_with_nothing_imported()
    {
        var dienst = await new OnlinedienstSeed(fixture.Host.Channel).RegisterAsync((await fixture.ItDienstleisterAsync("NW")).Id);
        var good = Write("good.csv",
        [
            "onlinedienst_id;ags;monat;transaktionen",
            .. fixture.KommunenNw.Take(3).SelectMany((ags, i) => new[] { $"{dienst};{ags};{fixture.Monat(1)};{i + 1}", $"{dienst};{ags};{fixture.Monat(2)};{10 * (i + 1)}" }),
        ]);
        var future = Write("future.csv",
        [
            "onlinedienst_id,ags,monat,transaktionen",
            $"{dienst},{fixture.KommunenNw[5]},{fixture.Monat(1)},7", $"{dienst},{fixture.KommunenNw[6]},{fixture.Monat(1)},7", $"{dienst},{fixture.KommunenNw[7]},{fixture.Monat(-2)},7",
        ]);
        var notANumber = Write("nan.csv", ["onlinedienst_id,ags,monat,transaktionen", $"{dienst},{fixture.KommunenNw[5]},{fixture.Monat(1)},7", $"{dienst},{fixture.KommunenNw[6]},{fixture.Monat(1)},viele"]);

        var imported = await _ozgctl.InProcessAsync("nutzung", "import", good, "-o", "csv");
        var refused = await _ozgctl.InProcessAsync("nutzung", "import", future);
        var unreadable = await _ozgctl.InProcessAsync("nutzung", "import", notANumber);

        Assert.True(imported.ExitCode == ExitCodes.Ok, imported.ToString());
        Assert.Matches(@"(?m)^6,[12]\s*$", imported.Out);
        Assert.NotEqual(ExitCodes.Ok, refused.ExitCode);
        Assert.Contains("future.csv line 4: row 3 monat", refused.Error);
        Assert.NotEqual(ExitCodes.Ok, unreadable.ExitCode);
        Assert.Contains("nan.csv line 3: transaktionen 'viele' is not a whole number", unreadable.Error);
        var figures = await fixture.Management.GetNutzungAsync(new GetNutzungRequest { Land = "NW", OnlinedienstId = dienst, From = fixture.Monat(3), To = fixture.Monat(0) });
        Assert.Equal(66, figures.Transaktionen);
    }

    [Fact]
    public async Task Figures_findings_and_the_report_are_read_as_the_API_answers_them()
    {
        var dienst = await new OnlinedienstSeed(fixture.Host.Channel).RegisterAsync((await fixture.ItDienstleisterAsync("NW")).Id);
        var (ags, monat) = (fixture.KommunenNw[40], fixture.Monat(1));
        await fixture.Management.ImportNutzungBatchAsync(new ImportNutzungRequest
        {
            RequestId = Guid.NewGuid().ToString(), Rows = { NutzungServiceTests.Row(dienst, ags, monat, 17), NutzungServiceTests.Row(dienst, fixture.KommunenNw[41], monat, 4) },
        });
        var workbook = Path.Combine(_folder, "monate.xlsx");

        var show = await _ozgctl.InProcessAsync("nutzung", "show", "NW", "--from", monat, "--to", monat, "--onlinedienst", dienst, "-o", "csv");
        var kreis = await _ozgctl.InProcessAsync("nutzung", "show", "NW", "--from", monat, "--to", monat, "--onlinedienst", dienst, "--kreis", ags[..5], "-o", "csv");
        var befunde = await _ozgctl.InProcessAsync("nutzung", "befunde", "--land", "NW", "-o", "csv");
        var report = await _ozgctl.InProcessAsync("nutzung", "report", "monate", "--land", "NW", "--jahr", monat[..4]);
        var xlsx = await _ozgctl.InProcessAsync("nutzung", "report", "befunde", "--format", "xlsx", "--out", workbook);

        Assert.All([show, kreis, befunde, report, xlsx], r => Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString()));
        Assert.Matches($@"(?m)^{monat},21,2\s*$", show.Out);
        var imKreis = fixture.KommunenNw[41][..5] == ags[..5] ? 21 : 17;
        Assert.Matches($@"(?m)^{monat},{imKreis},\d\s*$", kreis.Out);
        Assert.StartsWith("land,onlinedienst_id,ags,art", befunde.Out);
        var api = await fixture.Management.ExportNutzungReportAsync(new ExportNutzungReportRequest { Land = "NW", Teil = NutzungReportTeil.Monate, Jahr = int.Parse(monat[..4]) });
        var mine = ReportTable.Read(report.Out).Rows.Where(r => r["onlinedienst_id"] == dienst).ToList();
        Assert.Equal(ReportTable.Read(api.Csv).Rows.Where(r => r["onlinedienst_id"] == dienst), mine);
        Assert.Equal("21", mine.Single(r => r["ebene"] == "land")["summe"]);
        Assert.True(new FileInfo(workbook).Length > 0);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}

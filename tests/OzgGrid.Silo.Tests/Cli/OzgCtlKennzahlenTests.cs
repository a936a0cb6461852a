using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using OzgGrid.Cli;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>`ozgctl kennzahlen show|report` in-process against the real host: one dimension per table, the report as a workbook file.</summary>
[Collection(GatewayCollection.Name)]
public sealed class OzgCtlKennzahlenTests(GatewayFixture fixture)
{
    private readonly OzgCtlRunner _ozgctl = new(fixture.Host);
    private readonly OnlinedienstSeed _seed = new(fixture.Host.Channel);

    [Fact]
    public async Task Show_prints_a_dimension_of_the_figures_and_report_writes_the_workbook()
    {
        var hersteller = $"Hersteller {Guid.NewGuid():N}";
        var dienst = await _seed.RegisterAsync(KnownData.Dataport);
        await new OnlinedienstService.OnlinedienstServiceClient(fixture.Host.Channel).SetOnlinedienstDetailsAsync(new SetOnlinedienstDetailsRequest
        {
            OnlinedienstId = dienst, RequestId = Guid.NewGuid().ToString(),
            Details = new OnlinedienstDetails { Fachverfahren = { new Fachverfahren { Name = "Fachverfahren", Hersteller = hersteller } }, MindestVertrauensniveau = Vertrauensniveau.Hoch },
        });
        var workbook = Path.Combine(Path.GetTempPath(), $"kennzahlen-{Guid.NewGuid():N}.xlsx");

        var figures = await new OnlinedienstKennzahlenService.OnlinedienstKennzahlenServiceClient(fixture.Host.Channel)
            .GetOnlinedienstKennzahlenAsync(new GetOnlinedienstKennzahlenRequest());
        var uebersicht = await _ozgctl.InProcessAsync("kennzahlen", "show", "-o", "csv");
        var herstellerTable = await _ozgctl.InProcessAsync("kennzahlen", "show", "hersteller", "-o", "csv");
        var reifegrad = await _ozgctl.InProcessAsync("kennzahlen", "show", "reifegrad", "--modell", "1.1", "-o", "csv");
        var report = await _ozgctl.InProcessAsync("kennzahlen", "report", "--format", "xlsx", "--out", workbook);
        var xlsxToStdout = await _ozgctl.InProcessAsync("kennzahlen", "report", "--format", "xlsx");
        var unknown = await _ozgctl.InProcessAsync("kennzahlen", "show", "landkreise");
        var fim = await _ozgctl.InProcessAsync("kennzahlen", "show", "fim", "-o", "csv");
        var ebenen = await _ozgctl.InProcessAsync("kennzahlen", "show", "zustaendigkeitsebenen", "-o", "csv");

        try
        {
            Assert.True(uebersicht.ExitCode == ExitCodes.Ok, uebersicht.ToString());
            Assert.Contains($"onlinedienste,{figures.Onlinedienste.ToString(CultureInfo.InvariantCulture)}", Lines(uebersicht.Out));
            Assert.True(herstellerTable.ExitCode == ExitCodes.Ok, herstellerTable.ToString());
            Assert.Equal("hersteller,onlinedienste,fachverfahren,gesamt", Lines(herstellerTable.Out)[0]);
            Assert.Contains($"{hersteller},0,1,1", Lines(herstellerTable.Out));
            Assert.True(reifegrad.ExitCode == ExitCodes.Ok, reifegrad.ToString());
            Assert.Equal("kriterium,bezeichnung,stufe_0,stufe_1,stufe_2,stufe_3,stufe_4,nicht_bewertet", Lines(reifegrad.Out)[0]);
            Assert.Equal(["paare", "K01", "K02", "K03", "K04", "K05", "K06", "K07", "K08", "K09", "K10"], Lines(reifegrad.Out).Skip(1).Select(l => l.Split(',')[0]));

            Assert.True(report.ExitCode == ExitCodes.Ok, report.ToString());
            using (var document = SpreadsheetDocument.Open(workbook, isEditable: false))
            {
                var cells = ReportWorkbookTests.Cells(document);
                Assert.Contains(cells, row => row.Length == 4 && row[1].Text == hersteller && row[2].Text == "fachverfahren" && row[3] == ("1", true));
            }

            Assert.NotEqual(ExitCodes.Ok, xlsxToStdout.ExitCode);
            Assert.Contains("--out", xlsxToStdout.Error);
            Assert.NotEqual(ExitCodes.Ok, unknown.ExitCode);
            Assert.All([fim, ebenen], r => Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString()));
            Assert.Equal("baustein,status,leistungen", Lines(fim.Out)[0]);
            Assert.Equal(3 * 7, Lines(fim.Out).Length - 1);
            Assert.Equal(["ebene,leistungen", "bund", "land", "kommune"], Lines(ebenen.Out).Select((l, i) => i == 0 ? l : l.Split(',')[0]));
        }
        finally
        {
            File.Delete(workbook);
        }
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

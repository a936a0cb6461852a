using DocumentFormat.OpenXml.Packaging;
using OzgGrid.Cli;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>
/// The reports of the records one level below the Leistung through ozgctl, in-process against the real host:
/// `zustaendigkeit report|fim-report`, `onlinedienst report`, `projekt report`, each as CSV and as an XLSX workbook.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class OzgCtlRecordReportTests(GatewayFixture fixture)
{
    private readonly OzgCtlRunner _ozgctl = new(fixture.Host);

    [Fact]
    public async Task The_Zustaendigkeit_report_names_the_responsible_Kommunen_as_CSV_and_as_a_workbook()
    {
        var ozgId = fixture.TakeOzgId().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ags = ShippedRegister.Ags("NW", 5);
        var set = await _ozgctl.InProcessAsync("zustaendigkeit", "set-kommunen", ozgId, "NW", "--ags", ags);
        var workbook = TempFile("xlsx");

        var csv = await _ozgctl.InProcessAsync("zustaendigkeit", "report");
        var xlsx = await _ozgctl.InProcessAsync("zustaendigkeit", "report", "--format", "xlsx", "--out", workbook);
        var xlsxToStdout = await _ozgctl.InProcessAsync("zustaendigkeit", "report", "--format", "xlsx");

        try
        {
            Assert.All([set, csv, xlsx], r => Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString()));
            var (header, rows) = ReportTable.Read(csv.Out);
            Assert.Equal("ozg_id,name,zustaendigkeitsebene,land,zustaendig,ags,kommune,version", string.Join(',', header));
            var row = Assert.Single(rows, r => r["ozg_id"] == ozgId);
            Assert.Equal(("NW", "liste", ags, ShippedRegister.Of("NW")[4].Name, "1"), (row["land"], row["zustaendig"], row["ags"], row["kommune"], row["version"]));
            using (var document = SpreadsheetDocument.Open(workbook, isEditable: false))
            {
                Assert.Contains(ReportWorkbookTests.Cells(document), cells => cells[0].Text == ozgId && cells[5].Text == ags);
            }

            Assert.NotEqual(ExitCodes.Ok, xlsxToStdout.ExitCode);
            Assert.Contains("--out", xlsxToStdout.Error);
        }
        finally
        {
            File.Delete(workbook);
        }
    }

    [Theory]
    [InlineData("zustaendigkeit", "fim-report", "ozg_id")]
    [InlineData("onlinedienst", "report", "onlinedienst_id")]
    [InlineData("projekt", "report", "phase")]
    public async Task A_record_report_comes_as_CSV_or_as_a_workbook_with_the_same_columns(string group, string command, string firstColumn)
    {
        var workbook = TempFile("xlsx");

        var csv = await _ozgctl.InProcessAsync(group, command);
        var xlsx = await _ozgctl.InProcessAsync(group, command, "--format", "xlsx", "--out", workbook);

        try
        {
            Assert.All([csv, xlsx], r => Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString()));
            var (header, _) = ReportTable.Read(csv.Out);
            Assert.Equal(firstColumn, header[0]);
            using var document = SpreadsheetDocument.Open(workbook, isEditable: false);
            Assert.Equal(header, ReportWorkbookTests.Cells(document)[0].Select(c => c.Text));
        }
        finally
        {
            File.Delete(workbook);
        }
    }

    private static string TempFile(string extension) => Path.Combine(Path.GetTempPath(), $"ozgctl-report-{Guid.NewGuid():N}.{extension}");
}

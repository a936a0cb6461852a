using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// The Zuständigkeit report over real gRPC: per Leistung its Zuständigkeitsebene and, per Land whose responsible
/// Kommunen were set, one row for ALLE or KEINE or one per listed Kommune; as CSV and as a valid XLSX workbook.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ZustaendigkeitReportTests(GatewayFixture fixture)
{
    private readonly ZustaendigkeitService.ZustaendigkeitServiceClient _client = new(fixture.Host.Channel);

    [Fact]
    public async Task The_report_has_each_Leistungs_Ebene_and_its_responsible_Kommunen_per_Land_as_they_are_now()
    {
        var (both, ebeneOnly, kommunenOnly, fimOnly) = (fixture.TakeOzgId(), fixture.TakeOzgId(), fixture.TakeOzgId(), fixture.TakeOzgId());
        await SetEbenenAsync(both, Zustaendigkeitsebene.Kommune, Zustaendigkeitsebene.Land);
        await SetEbenenAsync(ebeneOnly, Zustaendigkeitsebene.Bund);
        await SetKommunenAsync(both, "NW", ZustaendigeKommunenArt.Liste, Nrw(3), Nrw(4));
        await SetKommunenAsync(both, "NW", ZustaendigeKommunenArt.Liste, Nrw(2), Nrw(1));
        await SetKommunenAsync(both, "HB", ZustaendigeKommunenArt.Keine);
        await SetKommunenAsync(kommunenOnly, "NW", ZustaendigeKommunenArt.Alle);
        await _client.SetFimStatusAsync(new SetFimStatusRequest
        {
            OzgId = fimOnly, RequestId = NewId(),
            Eintrag = new FimEintrag { Baustein = FimBaustein.Stammtext, FimId = "S1", Version = "1", Status = FimStatus.Entwurf },
        });

        // Read by the monitoring role: every role reads the report.
        var monitoring = new ZustaendigkeitService.ZustaendigkeitServiceClient(fixture.Host.ChannelFor(Roles.Monitoring, "report-reader"));
        var report = await monitoring.ExportZustaendigkeitReportAsync(new ExportZustaendigkeitReportRequest());

        Assert.Equal($"ozg-zustaendigkeit-{DateTime.UtcNow:yyyy-MM-dd}.csv", report.FileName);
        var (header, rows) = ReportTable.Read(report.Csv);
        Assert.Equal(["ozg_id", "name", "zustaendigkeitsebene", "land", "zustaendig", "ags", "kommune", "version"], header);
        int[] seeded = [both, ebeneOnly, kommunenOnly, fimOnly];
        var ours = rows.Where(r => seeded.Contains(int.Parse(r["ozg_id"]))).Select(r => string.Join('|', header.Select(c => r[c]))).ToList();
        string[] expected =
        [
            .. new[]
            {
                Row(both, await NameAsync(both), "land kommune", "HB", "keine", "", "", 1),
                Row(both, await NameAsync(both), "land kommune", "NW", "liste", Nrw(1), NrwName(1), 2),
                Row(both, await NameAsync(both), "land kommune", "NW", "liste", Nrw(2), NrwName(2), 2),
                Row(ebeneOnly, await NameAsync(ebeneOnly), "bund", "", "", "", "", 0),
                Row(kommunenOnly, await NameAsync(kommunenOnly), "", "NW", "alle", "", "", 1),
            }.OrderBy(row => int.Parse(row.Split('|')[0])),
        ];
        Assert.Equal(expected, ours);

        var xlsx = await monitoring.ExportZustaendigkeitReportAsync(new ExportZustaendigkeitReportRequest { Format = ReportFormat.Xlsx });
        Assert.Equal(report.FileName.Replace(".csv", ".xlsx", StringComparison.Ordinal), xlsx.FileName);
        Assert.Empty(xlsx.Csv);
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx.Xlsx.ToByteArray()), isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var cells = ReportWorkbookTests.Cells(document);
        Assert.Equal(header, cells[0].Select(c => c.Text));
        var listed = cells.Single(row => row[0].Text == both.ToString(System.Globalization.CultureInfo.InvariantCulture) && row[5].Text == Nrw(1));
        Assert.True(listed[0].IsNumber, "the OZG-ID is a number");
        Assert.False(listed[5].IsNumber, "the AGS keeps its leading zero as text");
    }

    private async Task SetEbenenAsync(int ozgId, params Zustaendigkeitsebene[] ebenen) =>
        await _client.SetZustaendigkeitsebeneAsync(new SetZustaendigkeitsebeneRequest { OzgId = ozgId, RequestId = NewId(), Ebenen = { ebenen } });

    private async Task SetKommunenAsync(int ozgId, string land, ZustaendigeKommunenArt art, params string[] ags) =>
        await _client.SetZustaendigeKommunenAsync(new SetZustaendigeKommunenRequest { OzgId = ozgId, Land = land, RequestId = NewId(), Art = art, Ags = { ags } });

    private async Task<string> NameAsync(int ozgId) => (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.Name;

    private static string Row(int ozgId, string name, string ebenen, string land, string art, string ags, string kommune, long version) =>
        string.Join('|', ozgId, name, ebenen, land, art, ags, kommune, version);

    private static string Nrw(int n) => ShippedRegister.Ags("NW", n);

    private static string NrwName(int n) => ShippedRegister.Of("NW")[n - 1].Name;

    private static string NewId() => Guid.NewGuid().ToString();
}

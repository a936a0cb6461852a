using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// A report asked for as XLSX is a valid Office Open XML workbook (checked with the Open XML SDK's validator, not with
/// the library that wrote it) holding the same table as the CSV, figures as numbers and names as text.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ReportWorkbookTests(GatewayFixture fixture)
{
    private readonly MonitoringService.MonitoringServiceClient _monitoring = fixture.Monitoring;

    [Fact]
    public async Task A_report_as_XLSX_is_a_valid_workbook_with_the_rows_of_the_CSV_and_figures_as_numbers()
    {
        // A moment already past: both reports are recounted from the same histories, whatever other tests write now.
        var asOf = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddSeconds(-1));
        var csv = await _monitoring.ExportReportAsync(new ExportReportRequest { Kind = ReportKind.Laender, AsOf = asOf });
        var xlsx = await _monitoring.ExportReportAsync(new ExportReportRequest { Kind = ReportKind.Laender, AsOf = asOf, Format = ReportFormat.Xlsx });

        Assert.Equal(csv.FileName.Replace(".csv", ".xlsx", StringComparison.Ordinal), xlsx.FileName);
        Assert.Empty(xlsx.Csv);
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx.Xlsx.ToByteArray()), isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document));

        var expected = csv.Csv.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(',')).ToList();
        var cells = Cells(document);
        Assert.Equal(expected.Count, cells.Count);
        Assert.All(expected.Zip(cells), pair => Assert.Equal(pair.First, pair.Second.Select(c => c.Text)));
        var nordrheinWestfalen = cells.Single(row => row[0].Text == "NW");
        Assert.False(nordrheinWestfalen[1].IsNumber);
        Assert.All(nordrheinWestfalen.Skip(2), cell => Assert.True(cell.IsNumber, $"{cell.Text} is stored as a number"));
    }

    [Fact]
    public async Task The_Onlinedienst_Umsetzungsprojekt_and_FIM_reports_come_as_valid_workbooks_with_the_columns_of_their_CSV()
    {
        var onlinedienste = new OnlinedienstService.OnlinedienstServiceClient(fixture.Host.Channel);
        var projekte = new UmsetzungsprojektService.UmsetzungsprojektServiceClient(fixture.Host.Channel);
        var zustaendigkeit = new ZustaendigkeitService.ZustaendigkeitServiceClient(fixture.Host.Channel);
        var onlinedienstXlsx = await onlinedienste.ExportOnlinedienstReportAsync(new ExportOnlinedienstReportRequest { Format = ReportFormat.Xlsx });
        var projektXlsx = await projekte.ExportUmsetzungsprojektReportAsync(new ExportUmsetzungsprojektReportRequest { Format = ReportFormat.Xlsx });
        var fimXlsx = await zustaendigkeit.ExportFimReportAsync(new ExportFimReportRequest { Format = ReportFormat.Xlsx });
        (string Csv, string FileName, ByteString Xlsx)[] reports =
        [
            ((await onlinedienste.ExportOnlinedienstReportAsync(new ExportOnlinedienstReportRequest())).Csv, onlinedienstXlsx.FileName, onlinedienstXlsx.Xlsx),
            ((await projekte.ExportUmsetzungsprojektReportAsync(new ExportUmsetzungsprojektReportRequest())).Csv, projektXlsx.FileName, projektXlsx.Xlsx),
            ((await zustaendigkeit.ExportFimReportAsync(new ExportFimReportRequest())).Csv, fimXlsx.FileName, fimXlsx.Xlsx),
        ];

        Assert.All(reports, report =>
        {
            Assert.EndsWith(".xlsx", report.FileName);
            using var document = SpreadsheetDocument.Open(new MemoryStream(report.Xlsx.ToByteArray()), isEditable: false);
            Assert.Empty(new OpenXmlValidator().Validate(document));
            var header = report.Csv.ReplaceLineEndings("\n").Split('\n')[0].Split(',');
            Assert.Equal(header, Cells(document)[0].Select(cell => cell.Text));
        });
    }

    [Fact]
    public async Task A_report_format_this_version_does_not_know_is_invalid()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            _monitoring.ExportReportAsync(new ExportReportRequest { Kind = ReportKind.Lagen, Format = (ReportFormat)7 }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("format", refused.Status.Detail);
    }

    internal static List<(string Text, bool IsNumber)[]> Cells(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart ?? throw new InvalidOperationException("The workbook has no workbook part.");
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(item => item.InnerText).ToList() ?? [];
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        return [.. sheet.Descendants<Row>().Select(row => row.Elements<Cell>().Select(cell => Read(cell, shared)).ToArray())];
    }

    private static (string Text, bool IsNumber) Read(Cell cell, List<string> shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return (shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)], false);
        }

        if (type == CellValues.InlineString)
        {
            return (cell.InlineString?.InnerText ?? string.Empty, false);
        }

        return (cell.CellValue?.Text ?? string.Empty, type is null || type == CellValues.Number);
    }
}

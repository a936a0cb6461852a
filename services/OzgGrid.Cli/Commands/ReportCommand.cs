using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>`report themenfelder|laender|lagen`: the Berichtswesen's CSV (ExportReport) to stdout or a file, or an XLSX workbook to a file.</summary>
public static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var kind = new Argument<string>("kind") { Description = "themenfelder, laender or lagen" };
        kind.AcceptOnlyFromAmong("themenfelder", "laender", "lagen");
        var output = new Option<FileInfo?>("--out") { Description = "Write the report to this file instead of stdout" };
        var format = new Option<string>("--format") { Description = "csv (the default) or xlsx (needs --out)", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var asOf = new Option<string?>("--as-of") { Description = "The figures as they were at the end of this day (2026-06-30, UTC) or at this moment (2026-06-30T12:00:00Z)" };
        var command = new Command("report", "A programme report as CSV, for spreadsheets") { kind, output, asOf, format };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new ExportReportRequest
            {
                Kind = parsed.GetValue(kind) switch
                {
                    "laender" => ReportKind.Laender,
                    "lagen" => ReportKind.Lagen,
                    _ => ReportKind.Themenfelder,
                },
                Format = parsed.GetValue(format) == "xlsx" ? ReportFormat.Xlsx : ReportFormat.Csv,
            };
            if (request.Format == ReportFormat.Xlsx && parsed.GetValue(output) is null)
            {
                throw new CliException("an XLSX report is written to a file: add --out FILE.xlsx");
            }

            if (parsed.GetValue(asOf) is { } moment)
            {
                request.AsOf = Timestamp.FromDateTimeOffset(ReportMoment.Parse(moment));
            }

            var report = await context.Connection.CallAsync(
                (channel, options) => new MonitoringService.MonitoringServiceClient(channel).ExportReportAsync(request, options).ResponseAsync,
                cancellationToken);
            if (request.Format == ReportFormat.Xlsx && parsed.GetValue(output) is { } workbook)
            {
                try
                {
                    await File.WriteAllBytesAsync(workbook.FullName, report.Xlsx.ToByteArray(), cancellationToken);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"cannot write {workbook.FullName}: {e.Message}");
                }

                context.Note($"{report.FileName}: {report.Xlsx.Length:N0} bytes written to {workbook.FullName}");
            }
            else
            {
                await CsvOutput.WriteAsync(context, report.FileName, report.Csv, parsed.GetValue(output), cancellationToken);
            }

            return ExitCodes.Ok;
        });
    }
}

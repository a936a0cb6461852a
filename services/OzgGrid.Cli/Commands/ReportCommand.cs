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
        var file = new ReportOptions();
        var asOf = new Option<string?>("--as-of") { Description = "The figures as they were at the end of this day (2026-06-30, UTC) or at this moment (2026-06-30T12:00:00Z)" };
        var command = new Command("report", "A programme report as CSV, for spreadsheets") { kind, file.Out, asOf, file.Format };
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
                Format = file.Requested(parsed),
            };
            if (parsed.GetValue(asOf) is { } moment)
            {
                request.AsOf = Timestamp.FromDateTimeOffset(ReportMoment.Parse(moment));
            }

            var report = await context.Connection.CallAsync(
                (channel, options) => new MonitoringService.MonitoringServiceClient(channel).ExportReportAsync(request, options).ResponseAsync,
                cancellationToken);
            await file.WriteAsync(context, parsed, report.FileName, report.Csv, report.Xlsx, cancellationToken);
            return ExitCodes.Ok;
        });
    }
}

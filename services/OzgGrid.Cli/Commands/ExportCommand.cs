using System.CommandLine;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>A report command of a record's service: --out and --format, one export call, the file written as <see cref="ReportOptions"/> says.</summary>
public static class ExportCommand
{
    /// <param name="export">The export call for the format asked for; its answer's file name, CSV and workbook.</param>
    public static Command Create(
        CliConsole console, string name, string description, Func<GrpcChannel, ReportFormat, CallOptions, Task<(string FileName, string Csv, ByteString Xlsx)>> export)
    {
        var file = new ReportOptions();
        var command = new Command(name, description) { file.Out, file.Format };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var format = file.Requested(parsed);
            var (fileName, csv, xlsx) = await context.Connection.CallAsync((channel, options) => export(channel, format, options), cancellationToken);
            await file.WriteAsync(context, parsed, fileName, csv, xlsx, cancellationToken);
            return ExitCodes.Ok;
        });
    }
}

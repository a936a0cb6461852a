using System.CommandLine;
using Google.Protobuf;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>
/// The options of every report command (--out, --format) and where a report goes: a CSV to the file of --out or to
/// stdout, an XLSX workbook only to a file.
/// </summary>
public sealed class ReportOptions
{
    public Option<FileInfo?> Out { get; } = new("--out") { Description = "Write the report to this file instead of stdout" };

    public Option<string> Format { get; } = CsvOrXlsx();

    /// <summary>The format asked for; an XLSX without --out is refused before anything is asked of OzgGrid.</summary>
    public ReportFormat Requested(ParseResult parsed) =>
        parsed.GetValue(Format) != "xlsx" ? ReportFormat.Csv
            : parsed.GetValue(Out) is null ? throw new CliException("an XLSX report is written to a file: add --out FILE.xlsx") : ReportFormat.Xlsx;

    public async Task WriteAsync(CliContext context, ParseResult parsed, string fileName, string csv, ByteString xlsx, CancellationToken cancellationToken)
    {
        if (Requested(parsed) == ReportFormat.Xlsx && parsed.GetValue(Out) is { } workbook)
        {
            try
            {
                await File.WriteAllBytesAsync(workbook.FullName, xlsx.ToByteArray(), cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot write {workbook.FullName}: {e.Message}");
            }

            context.Note($"{fileName}: {xlsx.Length:N0} bytes written to {workbook.FullName}");
            return;
        }

        await CsvOutput.WriteAsync(context, fileName, csv, parsed.GetValue(Out), cancellationToken);
    }

    private static Option<string> CsvOrXlsx()
    {
        var format = new Option<string>("--format") { Description = "csv (the default) or xlsx (needs --out)", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        return format;
    }
}

using System.CommandLine;
using Google.Protobuf;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>The options of a report command (--out, --format) and where its answer goes: an XLSX workbook to the file, a CSV as <see cref="CsvOutput"/> says.</summary>
public static class ReportOutput
{
    public static Option<FileInfo?> OutOption() => new("--out") { Description = "Write the report to this file instead of stdout" };

    public static Option<string> FormatOption()
    {
        var format = new Option<string>("--format") { Description = "csv (the default) or xlsx (needs --out)", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        return format;
    }

    /// <summary>The format asked for; an XLSX only with a file to write it to.</summary>
    public static ReportFormat Requested(string? format, FileInfo? file)
    {
        if (format != "xlsx")
        {
            return ReportFormat.Csv;
        }

        return file is null ? throw new CliException("an XLSX report is written to a file: add --out FILE.xlsx") : ReportFormat.Xlsx;
    }

    public static async Task WriteAsync(CliContext context, string fileName, string csv, ByteString xlsx, ReportFormat format, FileInfo? file, CancellationToken cancellationToken)
    {
        if (format != ReportFormat.Xlsx || file is null)
        {
            await CsvOutput.WriteAsync(context, fileName, csv, file, cancellationToken);
            return;
        }

        try
        {
            await File.WriteAllBytesAsync(file.FullName, xlsx.ToByteArray(), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write {file.FullName}: {e.Message}");
        }

        context.Note($"{fileName}: {xlsx.Length:N0} bytes written to {file.FullName}");
    }
}

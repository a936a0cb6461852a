using Google.Protobuf;
using OzgGrid.Gateway.Validation;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Reports;

/// <summary>
/// A report as the caller asked for it: the CSV as written, or the same table as an XLSX workbook (one sheet). Every
/// report is written as CSV first, so both formats always hold the same rows.
/// </summary>
public sealed record ReportFile(string FileName, string Csv, ByteString Xlsx)
{
    /// <exception cref="Grpc.Core.RpcException">INVALID_ARGUMENT for a format this version does not know.</exception>
    public static ReportFormat Requested(ReportFormat format, string field = "format") =>
        format switch
        {
            ReportFormat.Unspecified or ReportFormat.Csv => ReportFormat.Csv,
            ReportFormat.Xlsx => ReportFormat.Xlsx,
            _ => throw RequestGuard.Invalid(field, "REPORT_FORMAT_CSV (the default) or REPORT_FORMAT_XLSX."),
        };

    /// <param name="csvFileName">The CSV's file name, ending in ".csv"; an XLSX gets the same name ending in ".xlsx".</param>
    public static ReportFile As(ReportFormat format, string csvFileName, string csv)
    {
        if (Requested(format) == ReportFormat.Csv)
        {
            return new ReportFile(csvFileName, csv, ByteString.Empty);
        }

        var baseName = Path.GetFileNameWithoutExtension(csvFileName);
        return new ReportFile($"{baseName}.xlsx", string.Empty, ByteString.CopyFrom(CsvWorkbook.From(csv, baseName)));
    }
}

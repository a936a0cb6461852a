using System.Globalization;
using Grpc.Core;
using OzgGrid.Cli.Connection;

namespace OzgGrid.Cli.Bulk;

/// <summary>How rows become <see cref="BulkOutcome"/>s, the same for every bulk command.</summary>
public static class BulkOutcomes
{
    /// <summary>Statuses that concern the run, not the row: every further row would fail alike, so stop sending.</summary>
    public static bool StopsTheRun(StatusCode status) => status is StatusCode.Unauthenticated or StatusCode.Unavailable;

    public static BulkOutcome RefusedLocally(CsvRow row, string reason) =>
        new(row.Line, row.Get("ozg_id"), row.Get("ags"), BulkOutcome.Refused, "INVALID_ROW", $"line {row.Line}: {reason}", null);

    public static BulkOutcome RefusedByServer(CsvRow row, int ozgId, string ags, Status status) =>
        new(row.Line, ozgId.ToString(CultureInfo.InvariantCulture), ags, BulkOutcome.Refused, CodeName(status.StatusCode), status.Detail, null);

    /// <summary>INVALID_ARGUMENT, as gRPC spells its codes.</summary>
    public static string CodeName(StatusCode status) => RpcErrors.Name(status).Replace(' ', '_').ToUpperInvariant();

    public static IReadOnlyList<BulkOutcome> FillNotSent(IReadOnlyList<CsvRow> rows, BulkOutcome?[] outcomes, CliException? stoppedBecause) =>
        rows.Select((row, i) => outcomes[i] ?? new BulkOutcome(
            row.Line, row.Get("ozg_id"), row.Get("ags"), BulkOutcome.NotSent, "NOT_SENT",
            $"not sent: {stoppedBecause?.Message ?? "the run was interrupted"}", null)).ToList();
}

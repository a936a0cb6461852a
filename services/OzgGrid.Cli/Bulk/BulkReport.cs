using OzgGrid.Cli.Commands;
using OzgGrid.Cli.Output;

namespace OzgGrid.Cli.Bulk;

/// <summary>
/// The end of a bulk run: the results file (one row per input row), the result on stdout in the chosen format, a
/// summary line on stderr, and the exit code: 0 all accepted, 7 some refused, or the code of what stopped the run.
/// </summary>
public static class BulkReport
{
    private static readonly OutputColumn[] Columns =
    [
        new("line", "Zeile"), new("ozg_id", "OZG-ID"), new("ags", "AGS"), new("result", "Ergebnis"), new("code", "Code"),
        new("reason", "Grund"), new("version", "Version"),
    ];

    /// <summary>Fails before anything is sent when the results file cannot be written, so no outcome gets lost at the end.</summary>
    public static void EnsureWritable(string? resultsPath)
    {
        if (resultsPath is null)
        {
            return;
        }

        try
        {
            using var _ = new FileStream(resultsPath, FileMode.OpenOrCreate, FileAccess.Write);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write the results file {resultsPath}: {e.Message}");
        }
    }

    public static int Finish(CliContext context, BulkRunOutcome run, string? resultsPath, string requestIdPrefix, bool withAgs)
    {
        var columns = withAgs ? Columns : Columns.Where(c => c.Key != "ags").ToArray();
        var rows = run.Rows.Select(o => withAgs
            ? new object?[] { o.Line, o.OzgId, o.Ags, o.Result, o.Code, o.Reason, o.Version }
            : new object?[] { o.Line, o.OzgId, o.Result, o.Code, o.Reason, o.Version }).ToList();

        var resultsWritten = true;
        if (resultsPath is not null)
        {
            try
            {
                File.WriteAllText(resultsPath, ResultWriter.ToCsv(columns, rows));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The outcomes still go to stdout below.
                context.Note($"ozgctl: cannot write the results file {resultsPath}: {e.Message}");
                resultsWritten = false;
            }
        }

        var accepted = run.Rows.Count(o => o.IsAccepted);
        var refused = run.Rows.Count(o => o.Result == BulkOutcome.Refused);
        var notSent = run.Rows.Count - accepted - refused;
        if (context.Results.Format == OutputFormat.Table)
        {
            // A terminal shows what needs attention; the results file has every row.
            var attention = rows.Where((_, i) => !run.Rows[i].IsAccepted).ToList();
            if (attention.Count > 0)
            {
                context.Results.WriteRows(columns, attention, "Refused or not sent");
            }
        }
        else
        {
            context.Results.WriteRows(columns, rows);
        }

        context.Note($"{run.Rows.Count} rows: {accepted} accepted, {refused} refused, {notSent} not sent{(resultsPath is null || !resultsWritten ? "" : $"; results in {resultsPath}")}");
        if (notSent > 0)
        {
            // Rows under way when the run stopped may have been applied; the same ids apply them once.
            context.Note($"ozgctl: to send the rest, run the same file again with --request-id {requestIdPrefix}");
        }

        if (run.StoppedBecause is { } stop)
        {
            context.Note($"ozgctl: stopped: {stop.Message}");
            return stop.ExitCode;
        }

        return !resultsWritten ? ExitCodes.Usage : refused > 0 ? ExitCodes.PartialFailure : ExitCodes.Ok;
    }
}

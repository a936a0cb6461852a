using System.CommandLine;
using OzgGrid.Cli.Bulk;

namespace OzgGrid.Cli.Commands;

/// <summary>`bulk status FILE` and `bulk rollouts FILE`: many changes from a CSV file, with a result per row.</summary>
public static class BulkCommands
{
    public static Command Create(CliConsole console) => new("bulk", "Report many statuses or rollouts from a CSV file")
    {
        Status(console), Rollouts(console),
    };

    private static Command Status(CliConsole console)
    {
        var (file, results, requestId) = CommonArguments();
        var parallel = new Option<int>("--parallel") { Description = "Rows sent at once (1–32)", DefaultValueFactory = _ => 4 };
        var command = new Command("status", $"One status change per row; columns: {string.Join(", ", StatusBulk.Columns)} (ozg_id required)")
        {
            file, results, requestId, parallel,
        };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var degree = parsed.GetValue(parallel);
            if (degree is < 1 or > 32)
            {
                throw new CliException("--parallel must be 1–32");
            }

            var rows = CsvInput.Read(parsed.GetValue(file)!.FullName, StatusBulk.RequiredColumns, StatusBulk.Columns);
            var resultsPath = parsed.GetValue(results)?.FullName;
            BulkReport.EnsureWritable(resultsPath);
            var prefix = parsed.GetValue(requestId) ?? NewRunId();
            var run = await BulkProgress.RunAsync(context, "Status", rows.Count,
                advance => StatusBulk.RunAsync(context, rows, prefix, degree, advance, cancellationToken));
            return BulkReport.Finish(context, run, resultsPath, prefix, withAgs: false);
        });
    }

    private static Command Rollouts(CliConsole console)
    {
        var (file, results, requestId) = CommonArguments();
        var batchSize = new Option<int>("--batch-size")
        {
            Description = $"Entries per call (1–{RolloutBulk.MaxBatchSize})", DefaultValueFactory = _ => RolloutBulk.MaxBatchSize,
        };
        var command = new Command("rollouts", $"One Kommune's rollout of a Leistung per row; columns: {string.Join(", ", RolloutBulk.Columns)} (verfuegbarkeit: keine, pilot, online)")
        {
            file, results, requestId, batchSize,
        };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var size = parsed.GetValue(batchSize);
            if (size is < 1 or > RolloutBulk.MaxBatchSize)
            {
                throw new CliException($"--batch-size must be 1–{RolloutBulk.MaxBatchSize}");
            }

            var rows = CsvInput.Read(parsed.GetValue(file)!.FullName, RolloutBulk.RequiredColumns, RolloutBulk.Columns);
            var resultsPath = parsed.GetValue(results)?.FullName;
            BulkReport.EnsureWritable(resultsPath);
            var prefix = parsed.GetValue(requestId) ?? NewRunId();
            var run = await BulkProgress.RunAsync(context, "Rollouts", rows.Count,
                advance => RolloutBulk.RunAsync(context, rows, prefix, size, advance, cancellationToken));
            return BulkReport.Finish(context, run, resultsPath, prefix, withAgs: true);
        });
    }

    private static (Argument<FileInfo> File, Option<FileInfo?> Results, Option<string?> RequestId) CommonArguments() =>
    (
        new Argument<FileInfo>("file") { Description = "The CSV file (header row; comma or semicolon)" },
        new Option<FileInfo?>("--results", "-r") { Description = "Write a CSV with one result row per input row (accepted / refused with the reason)" },
        new Option<string?>("--request-id")
        {
            Description = "Prefix of the rows' request ids; running the same file again with the same prefix applies each row once. Default: a new one",
        }
    );

    private static string NewRunId() => $"ozgctl-{Guid.NewGuid():N}";
}

using System.Globalization;
using Grpc.Core;
using OzgGrid.Cli.Commands;
using OzgGrid.Cli.Connection;
using OzgGrid.Cli.Output;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Bulk;

/// <summary>
/// `bulk rollouts`: rows (ozg_id, ags, verfuegbarkeit, reifegrad) sent as ReportRollouts batches of at most 1,000,
/// each with a request id of its own so that a repeated batch is applied once; the server answers every entry,
/// and each answer goes back to its row.
/// </summary>
public static class RolloutBulk
{
    public const int MaxBatchSize = 1000;
    public static readonly string[] RequiredColumns = ["ozg_id", "ags", "verfuegbarkeit", "reifegrad"];
    public static readonly string[] Columns = ["ozg_id", "ags", "verfuegbarkeit", "reifegrad"];

    public static async Task<BulkRunOutcome> RunAsync(
        CliContext context, IReadOnlyList<CsvRow> rows, string requestIdPrefix, int batchSize, Action<int> advance, CancellationToken cancellationToken)
    {
        var outcomes = new BulkOutcome?[rows.Count];
        var entries = new List<(int Index, RolloutReport Report)>();
        for (var i = 0; i < rows.Count; i++)
        {
            try
            {
                entries.Add((i, ToReport(rows[i])));
            }
            catch (CliException e)
            {
                outcomes[i] = BulkOutcomes.RefusedLocally(rows[i], e.Message);
                advance(1);
            }
        }

        CliException? stoppedBecause = null;
        var batchNumber = 0;
        foreach (var batch in entries.Chunk(batchSize))
        {
            var request = new ReportRolloutsRequest
            {
                RequestId = $"{requestIdPrefix}/{++batchNumber}", Entries = { batch.Select(entry => entry.Report) },
            };
            try
            {
                var response = await RateLimitedCalls.CallAsync(context.Connection,
                    (channel, options) => new RolloutService.RolloutServiceClient(channel).ReportRolloutsAsync(request, options).ResponseAsync,
                    cancellationToken);
                foreach (var result in response.Results)
                {
                    var (index, report) = batch[result.Index];
                    outcomes[index] = ToOutcome(rows[index], report, result);
                }
            }
            catch (RpcException e) when (BulkOutcomes.StopsTheRun(e.StatusCode))
            {
                stoppedBecause = new CliException(RpcErrors.Describe(e, context.Connection.CurrentEndpoint), RpcErrors.ExitCodeOf(e.StatusCode));
                break;
            }
            catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
            {
                // The whole batch was refused (e.g. a role that may not report): each of its rows says so.
                foreach (var (index, report) in batch)
                {
                    outcomes[index] = BulkOutcomes.RefusedByServer(rows[index], report.OzgId, report.Ags, e.Status);
                }
            }
            catch (CliException e) when (e.ExitCode == ExitCodes.Unavailable)
            {
                stoppedBecause = e;
                break;
            }
            catch (Exception e) when (e is RpcException or OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                stoppedBecause = new CliException("cancelled", ExitCodes.Cancelled);
                break;
            }

            advance(batch.Length);
        }

        return new BulkRunOutcome(BulkOutcomes.FillNotSent(rows, outcomes, stoppedBecause), stoppedBecause);
    }

    private static RolloutReport ToReport(CsvRow row)
    {
        var ozgId = row.RequireInt("ozg_id");
        var ags = row.Get("ags");
        if (ags.Length == 0)
        {
            throw new CliException("ags is missing");
        }

        var verfuegbarkeit = row.Get("verfuegbarkeit");
        if (!Labels.TryParseKommuneVerfuegbarkeit(verfuegbarkeit, out var level))
        {
            throw new CliException($"verfuegbarkeit '{verfuegbarkeit}' is none of {Labels.KommuneVerfuegbarkeitSpellings}");
        }

        return new RolloutReport { OzgId = ozgId, Ags = ags, Verfuegbarkeit = level, Reifegrad = row.RequireInt("reifegrad") };
    }

    private static BulkOutcome ToOutcome(CsvRow row, RolloutReport report, RolloutResult result)
    {
        var ozgId = report.OzgId.ToString(CultureInfo.InvariantCulture);
        return result.Code == RolloutResultCode.Accepted
            ? new BulkOutcome(row.Line, ozgId, report.Ags, BulkOutcome.Accepted, "OK", "", result.Entry?.Version)
            : new BulkOutcome(row.Line, ozgId, report.Ags, BulkOutcome.Refused, CodeName(result.Code), result.Reason, null);
    }

    // ROLLOUT_RESULT_CODE_NOT_FOUND → NOT_FOUND, like the statuses of `bulk status`.
    private static string CodeName(RolloutResultCode code) => code switch
    {
        RolloutResultCode.InvalidArgument => "INVALID_ARGUMENT",
        RolloutResultCode.NotFound => "NOT_FOUND",
        RolloutResultCode.PermissionDenied => "PERMISSION_DENIED",
        RolloutResultCode.FailedPrecondition => "FAILED_PRECONDITION",
        RolloutResultCode.Unavailable => "UNAVAILABLE",
        _ => code.ToString().ToUpperInvariant(),
    };
}

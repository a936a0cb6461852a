using Grpc.Core;
using OzgGrid.Cli.Commands;
using OzgGrid.Cli.Connection;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Bulk;

/// <summary>
/// `bulk status`: one UpdateLeistungStatus per row (columns ozg_id, reifegrad, phase, land, verfuegbarkeit,
/// expected_version), a few at a time. A row the client cannot read is refused with its line number; a row the
/// server refuses gets the status and message; the others are applied regardless.
/// </summary>
public static class StatusBulk
{
    public static readonly string[] RequiredColumns = ["ozg_id"];
    public static readonly string[] Columns = ["ozg_id", "reifegrad", "phase", "land", "verfuegbarkeit", "expected_version"];

    public static async Task<BulkRunOutcome> RunAsync(
        CliContext context, IReadOnlyList<CsvRow> rows, string requestIdPrefix, int parallel, Action<int> advance, CancellationToken cancellationToken)
    {
        var outcomes = new BulkOutcome?[rows.Count];
        var requests = new List<(int Index, UpdateLeistungStatusRequest Request)>();
        for (var i = 0; i < rows.Count; i++)
        {
            try
            {
                var row = rows[i];
                requests.Add((i, StatusRequest.Create(
                    row.RequireInt("ozg_id"), row.OptionalInt("reifegrad"), row.Get("phase"), row.Get("land"), row.Get("verfuegbarkeit"),
                    row.OptionalLong("expected_version"), $"{requestIdPrefix}/{row.Line}")));
            }
            catch (CliException e)
            {
                outcomes[i] = BulkOutcomes.RefusedLocally(rows[i], e.Message);
                advance(1);
            }
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        CliException? stoppedBecause = null;
        try
        {
            await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = stop.Token }, async (item, token) =>
            {
                var row = rows[item.Index];
                try
                {
                    var response = await context.Connection.CallAsync(
                        (channel, options) => new LeistungService.LeistungServiceClient(channel).UpdateLeistungStatusAsync(item.Request, options).ResponseAsync,
                        token);
                    outcomes[item.Index] = new BulkOutcome(row.Line, response.OzgId.ToString(System.Globalization.CultureInfo.InvariantCulture), "",
                        BulkOutcome.Accepted, "OK", "", response.Version);
                }
                catch (RpcException e) when (BulkOutcomes.StopsTheRun(e.StatusCode))
                {
                    stoppedBecause ??= new CliException(RpcErrors.Describe(e, context.Connection.CurrentEndpoint), RpcErrors.ExitCodeOf(e.StatusCode));
                    await stop.CancelAsync();
                    return;
                }
                catch (RpcException e) when (!token.IsCancellationRequested)
                {
                    outcomes[item.Index] = BulkOutcomes.RefusedByServer(row, item.Request.OzgId, "", e.Status);
                }
                catch (Exception e) when (e is RpcException or OperationCanceledException && token.IsCancellationRequested)
                {
                    // Stopped while under way: the row counts as not sent (a retry with the same request id applies it once).
                    return;
                }
                catch (CliException e) when (e.ExitCode == ExitCodes.Unavailable)
                {
                    stoppedBecause ??= e;
                    await stop.CancelAsync();
                    return;
                }

                advance(1);
            });
        }
        catch (OperationCanceledException)
        {
            // Stopped by itself or by Ctrl-C: the rows not sent are reported as such, and the results file is still written.
            stoppedBecause ??= new CliException("cancelled", ExitCodes.Cancelled);
        }

        return new BulkRunOutcome(BulkOutcomes.FillNotSent(rows, outcomes, stoppedBecause), stoppedBecause);
    }
}

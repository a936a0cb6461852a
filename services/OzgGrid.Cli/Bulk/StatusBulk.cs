using Grpc.Core;
using OzgGrid.Cli.Commands;
using OzgGrid.Cli.Connection;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Bulk;

/// <summary>
/// `bulk status`: one UpdateLeistungStatus per row (columns ozg_id, reifegrad, phase, land, verfuegbarkeit,
/// expected_version), several Leistungen at a time, each Leistung's rows in file order. A row the client cannot read
/// is refused with its line number; a row the server refuses gets the status and message; the others are applied
/// regardless.
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

        // One Leistung's rows one after another, in file order (a later row may build on an earlier one, e.g. with
        // expected_version); different Leistungen at once.
        var perLeistung = requests.GroupBy(item => item.Request.OzgId).Select(rowsOfOne => rowsOfOne.ToList()).ToList();
        try
        {
            await Parallel.ForEachAsync(perLeistung, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = stop.Token }, async (inOrder, token) =>
            {
                foreach (var item in inOrder)
                {
                    if (token.IsCancellationRequested || !await SendAsync(item.Index, item.Request, token))
                    {
                        return;
                    }

                    advance(1);
                }
            });
        }
        catch (OperationCanceledException)
        {
            // Stopped by itself or by Ctrl-C: the rows not sent are reported as such, and the results file is still written.
            stoppedBecause ??= new CliException("cancelled", ExitCodes.Cancelled);
        }

        return new BulkRunOutcome(BulkOutcomes.FillNotSent(rows, outcomes, stoppedBecause), stoppedBecause);

        // Records the row's outcome; false when the run stops (the row then counts as not sent).
        async Task<bool> SendAsync(int index, UpdateLeistungStatusRequest request, CancellationToken token)
        {
            var row = rows[index];
            try
            {
                var response = await RateLimitedCalls.CallAsync(context.Connection,
                    (channel, options) => new LeistungService.LeistungServiceClient(channel).UpdateLeistungStatusAsync(request, options).ResponseAsync,
                    token);
                outcomes[index] = new BulkOutcome(row.Line, response.OzgId.ToString(System.Globalization.CultureInfo.InvariantCulture), "",
                    BulkOutcome.Accepted, "OK", "", response.Version);
                return true;
            }
            catch (RpcException e) when (BulkOutcomes.StopsTheRun(e.StatusCode))
            {
                stoppedBecause ??= new CliException(RpcErrors.Describe(e, context.Connection.CurrentEndpoint), RpcErrors.ExitCodeOf(e.StatusCode));
                await stop.CancelAsync();
                return false;
            }
            catch (RpcException e) when (!token.IsCancellationRequested)
            {
                outcomes[index] = BulkOutcomes.RefusedByServer(row, request.OzgId, "", e.Status);
                return true;
            }
            catch (Exception e) when (e is RpcException or OperationCanceledException && token.IsCancellationRequested)
            {
                // Stopped while under way: the row counts as not sent (a retry with the same request id applies it once).
                return false;
            }
            catch (CliException e) when (e.ExitCode == ExitCodes.Unavailable)
            {
                stoppedBecause ??= e;
                await stop.CancelAsync();
                return false;
            }
        }
    }
}

using Grpc.Core;
using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>
/// An IT-Dienstleister reporting its Kommunen's rollout: random Kommunen of its Land and random Verfügbarkeit, each
/// report retried with its request id until acknowledged. Every acknowledged report moves the Land's derived
/// Verfügbarkeit, which OzgGrid writes into the Leistung.
/// </summary>
public sealed class SoakReporter(int number, int[] ozgIds, string[] kommunen, RolloutService.RolloutServiceClient client, SoakLedger ledger, Random random)
{
    private const string Source = "rollout report";

    private static readonly KommuneVerfuegbarkeit[] Values = [KommuneVerfuegbarkeit.Keine, KommuneVerfuegbarkeit.Pilot, KommuneVerfuegbarkeit.Online];
    private static readonly TimeSpan RetryBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var report = new RolloutReport
                {
                    OzgId = ozgIds[random.Next(ozgIds.Length)],
                    Ags = kommunen[random.Next(kommunen.Length)],
                    Verfuegbarkeit = Values[random.Next(Values.Length)],
                    Reifegrad = 3,
                };
                await ReportAsync(new ReportRolloutRequest { RequestId = Guid.NewGuid().ToString(), Report = report }, stop);
                await Task.Delay(Pause, stop);
            }
        }
        catch (Exception exception) when (SoakCalls.Stopped(exception, stop))
        {
            // The soak ended; a report still unanswered is neither acknowledged nor counted.
        }
    }

    private async Task ReportAsync(ReportRolloutRequest request, CancellationToken stop)
    {
        while (true)
        {
            try
            {
                var entry = (await client.ReportRolloutAsync(request, deadline: SoakCalls.Deadline(), cancellationToken: stop)).Entry;
                ledger.Reported(number, new AcknowledgedReport(entry.OzgId, entry.Ags, entry.Version, entry.Verfuegbarkeit), ledger.Now);
                return;
            }
            catch (RpcException exception) when (!stop.IsCancellationRequested)
            {
                ledger.Failed(Source, exception);
                if (exception.StatusCode is StatusCode.FailedPrecondition or StatusCode.InvalidArgument or StatusCode.PermissionDenied or StatusCode.NotFound)
                {
                    return;
                }
            }

            await Task.Delay(RetryBackoff, stop);
        }
    }
}

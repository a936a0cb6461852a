using Grpc.Core;
using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>
/// A writer as a careful client runs one: it cycles through Leistungen of its own, sends each write with a new request
/// id and the version it last saw as expected version, and retries a failed call with the same request id (so that a
/// write that was applied but not answered is answered by its replay) until it is acknowledged or the soak ends.
/// </summary>
public sealed class SoakWriter(int number, string kind, int[] ozgIds, LeistungService.LeistungServiceClient reader, SoakLedger ledger, WriteAttempt send)
{
    private static readonly TimeSpan RetryBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(20);

    public int Number => number;

    public async Task RunAsync(CancellationToken stop)
    {
        var versions = new Dictionary<int, long>();
        try
        {
            for (var round = 0; !stop.IsCancellationRequested; round++)
            {
                var ozgId = ozgIds[round % ozgIds.Length];
                if (!versions.TryGetValue(ozgId, out var expected))
                {
                    expected = versions[ozgId] = await ReadVersionAsync(ozgId, stop);
                }

                if (await WriteAsync(ozgId, expected, round / ozgIds.Length, stop) is { } version)
                {
                    versions[ozgId] = version;
                }
                else
                {
                    // Refused for its version: read it again before the next write to this Leistung.
                    versions.Remove(ozgId);
                }

                await Task.Delay(Pause, stop);
            }
        }
        catch (Exception exception) when (SoakCalls.Stopped(exception, stop))
        {
            // The soak ended; a write still unanswered is neither acknowledged nor counted.
        }
    }

    /// <summary>One write, retried with its request id until acknowledged (its version), refused (null), or the soak ends.</summary>
    private async Task<long?> WriteAsync(int ozgId, long expected, int visit, CancellationToken stop)
    {
        var requestId = Guid.NewGuid().ToString();
        while (true)
        {
            try
            {
                var (version, changed) = await send(ozgId, requestId, expected, visit, stop);
                ledger.Acknowledged(number, new AcknowledgedWrite(ozgId, version, requestId, kind, ledger.Now, changed));
                return version;
            }
            catch (RpcException exception) when (!stop.IsCancellationRequested)
            {
                ledger.Failed(kind, exception);
                if (exception.StatusCode is StatusCode.FailedPrecondition or StatusCode.InvalidArgument or StatusCode.PermissionDenied or StatusCode.NotFound)
                {
                    // A definite answer: nothing was applied. Only another writer of the same Leistung could cause it.
                    return null;
                }
            }

            await Task.Delay(RetryBackoff, stop);
        }
    }

    private async Task<long> ReadVersionAsync(int ozgId, CancellationToken stop)
    {
        while (true)
        {
            try
            {
                var read = await reader.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId }, deadline: SoakCalls.Deadline(), cancellationToken: stop);
                ledger.Succeeded("writer read");
                return read.Leistung.Version;
            }
            catch (RpcException exception) when (!stop.IsCancellationRequested)
            {
                ledger.Failed("writer read", exception);
            }

            await Task.Delay(RetryBackoff, stop);
        }
    }
}

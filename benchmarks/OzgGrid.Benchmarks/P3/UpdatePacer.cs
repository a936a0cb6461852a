using System.Diagnostics;
using Grpc.Core;
using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.P3;

/// <summary>
/// Open-loop load: update k is due at start + k / rate and is sent then, whether or not earlier ones were answered
/// (so a slow server cannot slow the load down and hide its own latency). Each update sets a random Leistung with no
/// update in flight to another Reifegrad and a random Umsetzungsphase; the calls are spread over several channels.
/// </summary>
public sealed class UpdatePacer(LeistungPool pool, IReadOnlyList<LeistungService.LeistungServiceClient> clients, string runId)
{
    private static readonly Umsetzungsphase[] Phases =
    [
        Umsetzungsphase.Vorbereitung, Umsetzungsphase.Konzeption, Umsetzungsphase.Umsetzung,
        Umsetzungsphase.Pilotierung, Umsetzungsphase.RollOut, Umsetzungsphase.Regelbetrieb,
    ];

    /// <summary>Reifegrad 0–4.</summary>
    private const int Reifegrade = 5;

    private long _requests;

    /// <summary>Sends <paramref name="rate"/> updates per second for <paramref name="duration"/>, then waits for every answer.</summary>
    public async Task<UpdatePhase> RunAsync(double rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var total = (int)Math.Round(rate * duration.TotalSeconds);
        var samples = new UpdateSample[total];
        var calls = new List<Task>(total);
        var ticksPerUpdate = Stopwatch.Frequency / rate;
        var startedAt = Stopwatch.GetTimestamp();
        var next = 0;
        while (next < total)
        {
            // Everything due by now goes out at once: a late wake-up is made up for, not skipped.
            var due = Math.Min(total, (int)((Stopwatch.GetTimestamp() - startedAt) / ticksPerUpdate) + 1);
            for (; next < due; next++)
            {
                var scheduledAt = startedAt + (long)(next * ticksPerUpdate);
                if (pool.TryLease(out var lease))
                {
                    calls.Add(SendAsync(samples, next, scheduledAt, lease));
                }
                else
                {
                    samples[next] = new UpdateSample(0, 0, scheduledAt, 0, 0, UpdateOutcome.NotSent, StatusCode.OK);
                }
            }

            if (next < total)
            {
                await Task.Delay(1, cancellationToken);
            }
        }

        await Task.WhenAll(calls);
        return new UpdatePhase(samples, startedAt);
    }

    private async Task SendAsync(UpdateSample[] samples, int index, long scheduledAt, LeistungLease lease)
    {
        var requestId = $"{runId}-{Interlocked.Increment(ref _requests)}";
        var request = new UpdateLeistungStatusRequest
        {
            OzgId = lease.OzgId,
            RequestId = requestId,
            Reifegrad = (lease.Reifegrad + 1 + Random.Shared.Next(Reifegrade - 1)) % Reifegrade,
            Phase = Phases[Random.Shared.Next(Phases.Length)],
        };
        var reifegrad = lease.Reifegrad;
        var sentAt = Stopwatch.GetTimestamp();
        try
        {
            var response = await clients[index % clients.Count].UpdateLeistungStatusAsync(request);
            var ackedAt = Stopwatch.GetTimestamp();
            reifegrad = response.Status.Reifegrad;

            // A write that repeats the current status is answered with the change that made it.
            var outcome = response.LastChange?.RequestId == requestId ? UpdateOutcome.Applied : UpdateOutcome.Unchanged;
            samples[index] = new UpdateSample(lease.OzgId, response.Version, scheduledAt, sentAt, ackedAt, outcome, StatusCode.OK);
        }
        catch (RpcException exception)
        {
            samples[index] = new UpdateSample(
                lease.OzgId, 0, scheduledAt, sentAt, Stopwatch.GetTimestamp(), UpdateOutcome.Failed, exception.StatusCode);
        }
        finally
        {
            pool.Return(lease.OzgId, reifegrad);
        }
    }
}

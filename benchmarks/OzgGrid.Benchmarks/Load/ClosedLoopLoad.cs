using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using OzgGrid.Benchmarks.Measurement;

namespace OzgGrid.Benchmarks.Load;

/// <summary>
/// Closed-loop load: each of N callers makes a call, waits for its answer and makes the next, for a warm-up and then a
/// measured time. Counted are the calls answered within the measured time (a call that throws counts as failed, by its
/// gRPC status or, for another exception, its message). The same generator drives a benchmark's baseline and OzgGrid, so both pay the same
/// client cost.
/// </summary>
public static class ClosedLoopLoad
{
    /// <param name="callers">Concurrent callers.</param>
    /// <param name="warmup">Load before the measurement, not counted.</param>
    /// <param name="duration">The measured time.</param>
    /// <param name="call">One call by caller <c>i</c> (0 ≤ i &lt; callers); throws if the call failed.</param>
    public static async Task<LoadResult> RunAsync(
        int callers, TimeSpan warmup, TimeSpan duration, Func<int, Task> call, CancellationToken cancellationToken)
    {
        var startedAt = Stopwatch.GetTimestamp();
        var measureFrom = startedAt + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureUntil = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var failures = new ConcurrentDictionary<string, int>();
        var latencies = new List<long>[callers];

        var cpuTask = MeasureCpuAsync(warmup, duration, cancellationToken);
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var own = latencies[caller] = new List<long>(1024);
            while (!cancellationToken.IsCancellationRequested)
            {
                var sentAt = Stopwatch.GetTimestamp();
                if (sentAt >= measureUntil)
                {
                    return;
                }

                string? failure = null;
                try
                {
                    await call(caller);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failure = exception is RpcException rpc ? rpc.StatusCode.ToString() : exception.Message;
                }

                var answeredAt = Stopwatch.GetTimestamp();
                if (answeredAt < measureFrom || answeredAt >= measureUntil)
                {
                    continue;
                }

                if (failure is null)
                {
                    own.Add(answeredAt - sentAt);
                }
                else
                {
                    failures.AddOrUpdate(failure, 1, (_, count) => count + 1);
                }
            }
        }, cancellationToken)));
        var (cpuProcess, cpuMachine, allocated) = await cpuTask;

        var all = latencies.SelectMany(own => own).ToArray();
        return new LoadResult(
            all.Length,
            failures.Values.Sum(),
            string.Join(", ", failures.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Key} ×{pair.Value}")),
            duration.TotalSeconds,
            LatencyStats.FromTicks(all, all.Length),
            cpuProcess,
            cpuMachine,
            allocated);
    }

    /// <summary>CPU and the whole process's allocations (precise: every thread's allocation context counted) over the measured time.</summary>
    private static async Task<(double Process, double Machine, long Allocated)> MeasureCpuAsync(TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        await Task.Delay(warmup, cancellationToken);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = CpuMeter.Start();
        await Task.Delay(duration, cancellationToken);
        var (process, machine) = cpu.Stop();
        return (process, machine, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }
}

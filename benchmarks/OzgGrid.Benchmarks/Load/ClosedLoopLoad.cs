using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime;
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
    /// <param name="warmup">Load before the measurement, not counted: at least its minimum, then until the JIT is quiet (<see cref="JitQuiet"/>), at most its maximum.</param>
    /// <param name="duration">The measured time.</param>
    /// <param name="call">One call by caller <c>i</c> (0 ≤ i &lt; callers); throws if the call failed.</param>
    public static async Task<LoadResult> RunAsync(
        int callers, (TimeSpan Minimum, TimeSpan Maximum) warmup, TimeSpan duration, Func<int, Task> call, CancellationToken cancellationToken)
    {
        // Until the warm-up ends, the window lies beyond any call; then it is set once, both ends together.
        var window = new MeasuredWindow(long.MaxValue, long.MaxValue);
        var failures = new ConcurrentDictionary<string, int>();
        var latencies = new List<long>[callers];

        var measurement = MeasureAsync(warmup, duration, started => Volatile.Write(ref window, started), cancellationToken);
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var own = latencies[caller] = new List<long>(1024);
            while (!cancellationToken.IsCancellationRequested)
            {
                var sentAt = Stopwatch.GetTimestamp();
                if (sentAt >= Volatile.Read(ref window).Until)
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
                if (!Volatile.Read(ref window).Contains(answeredAt))
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
        var measured = await measurement;

        var all = latencies.SelectMany(own => own).ToArray();
        return new LoadResult(
            all.Length,
            failures.Values.Sum(),
            string.Join(", ", failures.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Key} ×{pair.Value}")),
            duration.TotalSeconds,
            LatencyStats.FromTicks(all, all.Length),
            measured.CpuProcess,
            measured.CpuMachine,
            measured.Allocated)
        {
            Warmup = measured.Warmup,
            JitQuiet = measured.JitQuiet,
            JitMethods = measured.JitMethods,
            Collections = measured.Collections,
            GcPause = measured.GcPause,
        };
    }

    /// <summary>
    /// Warms up, opens the measured window, and takes over it the CPU, the whole process's allocations (precise: every
    /// thread's allocation context counted), the methods the JIT compiled, and the garbage collections and their pauses.
    /// </summary>
    private static async Task<Measured> MeasureAsync(
        (TimeSpan Minimum, TimeSpan Maximum) warmup, TimeSpan duration, Action<MeasuredWindow> open, CancellationToken cancellationToken)
    {
        var (waited, quiet) = await JitQuiet.WaitAsync(warmup.Minimum, warmup.Maximum, cancellationToken);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var compiledBefore = JitInfo.GetCompiledMethodCount();
        var collectionsBefore = Collections();
        var pausedBefore = GC.GetTotalPauseDuration();
        var cpu = CpuMeter.Start();
        var from = Stopwatch.GetTimestamp();
        open(new MeasuredWindow(from, from + (long)(duration.TotalSeconds * Stopwatch.Frequency)));
        await Task.Delay(duration, cancellationToken);
        var (process, machine) = cpu.Stop();
        var collections = Collections();
        return new Measured(process, machine, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, waited, quiet,
            JitInfo.GetCompiledMethodCount() - compiledBefore,
            (collections.Gen0 - collectionsBefore.Gen0, collections.Gen1 - collectionsBefore.Gen1, collections.Gen2 - collectionsBefore.Gen2),
            GC.GetTotalPauseDuration() - pausedBefore);
    }

    private static (int Gen0, int Gen1, int Gen2) Collections() => (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    private sealed record MeasuredWindow(long From, long Until)
    {
        public bool Contains(long timestamp) => timestamp >= From && timestamp < Until;
    }

    private sealed record Measured(
        double CpuProcess, double CpuMachine, long Allocated, TimeSpan Warmup, bool JitQuiet, long JitMethods,
        (int Gen0, int Gen1, int Gen2) Collections, TimeSpan GcPause);
}

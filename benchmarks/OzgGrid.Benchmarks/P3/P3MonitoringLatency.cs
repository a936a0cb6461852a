using System.Diagnostics;
using Grpc.Core;
using OzgGrid.Benchmarks.Hosting;
using OzgGrid.Benchmarks.Load;
using OzgGrid.Benchmarks.Measurement;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.P3;

/// <summary>
/// P3: how long after an UpdateLeistungStatus is acknowledged its change reaches every WatchProgramme stream, while
/// updates are applied at a fixed rate. Baseline from the same run: the round trip of the update itself. Each run
/// starts a fresh host (so no run inherits another's state or change histories) and takes the catalogue's Leistungen.
/// </summary>
public sealed class P3MonitoringLatency(P3Options options, TextWriter output)
{
    /// <summary>How long the host may take to hand every watcher its first snapshot.</summary>
    private static readonly TimeSpan SnapshotTimeout = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(20);

    /// <summary>How long to back off before opening a watch stream again that the host answered with UNAVAILABLE.</summary>
    private static readonly TimeSpan ReopenDelay = TimeSpan.FromSeconds(1);

    /// <summary>Who the benchmark's calls are made as: updates as the programme management, watchers as a dashboard.</summary>
    private const string UpdaterSubject = "benchmark-p3-updates";
    private const string WatcherSubject = "benchmark-p3-watchers";

    /// <summary>Runs the benchmark; 0 when every run applied and delivered every update, 1 otherwise.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var machine = MachineInfo.Read();
        output.WriteLine($"P3: {options.ToArguments()}");
        output.WriteLine($"machine: {machine}");
        output.WriteLine();

        // Warm-up runs (numbered 0, -1, …) are printed but not counted: the host runs in this process, so the first run
        // alone would pay for JIT compilation of the silo, the gateway and the clients.
        var runs = new List<P3RunResult>();
        for (var run = 1 - options.WarmupRuns; run <= options.Runs; run++)
        {
            await using var host = await BenchmarkHost.StartAsync(options.Storage, cancellationToken);
            var result = await RunOnceAsync(run, host, cancellationToken);
            if (run < 1)
            {
                output.WriteLine("(warm-up run, not counted)");
            }

            P3Report.WriteRun(output, result);
            if (run >= 1)
            {
                runs.Add(result);
            }
        }

        P3Report.WriteSummary(output, options, machine, runs);
        return runs.All(run => run.Complete) ? 0 : 1;
    }

    private async Task<P3RunResult> RunOnceAsync(int run, BenchmarkHost host, CancellationToken cancellationToken)
    {
        var watcherChannels = Enumerable.Range(0, (options.Watchers + options.WatchersPerChannel - 1) / options.WatchersPerChannel)
            .Select(_ => host.ChannelFor(Roles.Monitoring, WatcherSubject))
            .ToList();
        var updateChannels = Enumerable.Range(0, options.UpdateChannels)
            .Select(_ => host.ChannelFor(Roles.ProgrammManagement, UpdaterSubject))
            .ToList();
        var watchers = new List<Watcher>();
        try
        {
            var updateClients = updateChannels.Select(channel => new LeistungService.LeistungServiceClient(channel)).ToList();
            var pool = new LeistungPool(await CatalogListing.ListLeistungenAsync(updateClients[0], cancellationToken));
            output.WriteLine($"run {run}: host at {host.Address}, {pool.Count} Leistungen; opening {options.Watchers} watchers over {watcherChannels.Count} channels");

            var expectedChanges = (int)(options.Rate * (options.WarmupSeconds + options.Seconds) * 1.05);
            var opening = Enumerable.Range(0, options.Watchers)
                .Select(i => OpenWatcherAsync(new MonitoringService.MonitoringServiceClient(watcherChannels[i / options.WatchersPerChannel]), expectedChanges, cancellationToken))
                .ToList();
            try
            {
                await Task.WhenAll(opening);
            }
            finally
            {
                watchers.AddRange(opening.Where(task => task.IsCompletedSuccessfully).Select(task => task.Result));
            }

            var pacer = new UpdatePacer(pool, updateClients, $"p3-{Guid.NewGuid():N}");
            var warmup = await pacer.RunAsync(options.Rate, TimeSpan.FromSeconds(options.WarmupSeconds), cancellationToken);
            var cpu = CpuMeter.Start();
            var measured = await pacer.RunAsync(options.Rate, TimeSpan.FromSeconds(options.Seconds), cancellationToken);
            var (cpuProcess, cpuMachine) = cpu.Stop();

            var acknowledged = measured.Samples.Where(sample => sample.Outcome == UpdateOutcome.Applied).ToList();
            var drainSeconds = await DrainAsync(watchers, acknowledged, cancellationToken);
            foreach (var watcher in watchers)
            {
                await watcher.DisposeAsync();
            }

            return Evaluate(run, measured, watchers, drainSeconds, cpuProcess, cpuMachine);
        }
        finally
        {
            foreach (var watcher in watchers)
            {
                await watcher.DisposeAsync();
            }

            foreach (var channel in watcherChannels.Concat(updateChannels))
            {
                channel.Dispose();
            }
        }
    }

    /// <summary>
    /// Opens a watcher and waits for its snapshot. A host on a storage still busy with the previous run's writes may
    /// answer UNAVAILABLE at first (its circuit breaker open): the watcher is opened again until the snapshot timeout.
    /// </summary>
    private async Task<Watcher> OpenWatcherAsync(MonitoringService.MonitoringServiceClient client, int expectedChanges, CancellationToken cancellationToken)
    {
        var startedAt = Stopwatch.GetTimestamp();
        while (true)
        {
            var watcher = Watcher.Open(client, options.Batched, expectedChanges);
            try
            {
                await watcher.Snapshot.WaitAsync(SnapshotTimeout, cancellationToken);
                return watcher;
            }
            catch (RpcException unavailable) when (unavailable.StatusCode == StatusCode.Unavailable && Stopwatch.GetElapsedTime(startedAt) < SnapshotTimeout)
            {
                await watcher.DisposeAsync();
                await Task.Delay(ReopenDelay, cancellationToken);
            }
            catch
            {
                await watcher.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Waits until every live watcher has seen every acknowledged version, or the drain time is up; the seconds it took.</summary>
    private async Task<double> DrainAsync(List<Watcher> watchers, List<UpdateSample> acknowledged, CancellationToken cancellationToken)
    {
        var startedAt = Stopwatch.GetTimestamp();
        var deadline = TimeSpan.FromSeconds(options.DrainSeconds);

        // Versions of a Leistung arrive in order, so the newest acknowledged one per Leistung stands for all of them.
        var newest = acknowledged.GroupBy(ack => ack.OzgId).Select(g => (OzgId: g.Key, Version: g.Max(ack => ack.Version))).ToList();
        while (watchers.Any(watcher => watcher.Failure is null && !newest.All(ack => watcher.HasSeen(ack.OzgId, ack.Version)))
            && Stopwatch.GetElapsedTime(startedAt) < deadline)
        {
            await Task.Delay(DrainPoll, cancellationToken);
        }

        return Stopwatch.GetElapsedTime(startedAt).TotalSeconds;
    }

    /// <summary>Matches every watcher's arrivals with the acknowledged updates of the measured phase.</summary>
    private static P3RunResult Evaluate(
        int run, UpdatePhase measured, List<Watcher> watchers, double drainSeconds, double cpuProcess, double cpuMachine)
    {
        var acked = measured.Samples.Where(sample => sample.Outcome == UpdateOutcome.Applied).ToArray();
        var ackIndex = new Dictionary<(int OzgId, long Version), int>(acked.Length);
        for (var i = 0; i < acked.Length; i++)
        {
            ackIndex[(acked[i].OzgId, acked[i].Version)] = i;
        }

        var sent = measured.Samples.Where(sample => sample.Outcome != UpdateOutcome.NotSent).ToArray();
        var roundTrips = sent.Select(sample => sample.AckedAt - sample.SentAt).ToArray();
        var pacerLags = sent.Select(sample => Math.Max(0, sample.SentAt - sample.ScheduledAt)).ToArray();

        var expected = (long)acked.Length * watchers.Count;
        var latencies = new long[expected];
        var count = 0;
        long beforeAck = 0;
        long duplicates = 0;
        long reconciled = 0;
        foreach (var watcher in watchers)
        {
            var seen = new bool[acked.Length];
            foreach (var arrival in watcher.Arrivals)
            {
                if (!ackIndex.TryGetValue((arrival.OzgId, arrival.Version), out var index))
                {
                    continue; // warm-up
                }

                if (seen[index])
                {
                    duplicates++;
                    continue;
                }

                seen[index] = true;
                if (arrival.Reconciled)
                {
                    reconciled++;
                }

                var latency = arrival.ReceivedAt - acked[index].AckedAt;
                if (latency < 0)
                {
                    beforeAck++;
                    latency = 0;
                }

                latencies[count++] = latency;
            }
        }

        var failedStreams = watchers.Where(watcher => watcher.Failure is not null).ToList();
        return new P3RunResult(
            run,
            watchers.Count,
            measured.Scheduled,
            measured.NotSent,
            measured.Applied,
            measured.Unchanged,
            measured.Failed,
            measured.FailureSummary,
            measured.AchievedRate,
            LatencyStats.FromTicks(pacerLags, pacerLags.Length),
            LatencyStats.FromTicks(roundTrips, roundTrips.Length),
            LatencyStats.FromTicks(latencies, count),
            expected,
            expected - count,
            beforeAck,
            duplicates,
            reconciled,
            failedStreams.Count,
            string.Join("; ", failedStreams.Select(watcher => watcher.Failure).Distinct().Take(3)),
            watchers.Sum(watcher => watcher.Resyncs),
            drainSeconds,
            cpuProcess,
            cpuMachine);
    }
}

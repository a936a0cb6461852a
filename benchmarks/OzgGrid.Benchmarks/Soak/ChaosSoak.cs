using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using OzgGrid.Benchmarks.Hosting;
using OzgGrid.Benchmarks.Measurement;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>
/// The chaos soak: three silo processes on an Azurite of its own, under a mixed load through the public gRPC API
/// (IT-Dienstleister writers, a Zuständigkeit writer, rollout reports, watchers, as-of readers, hostile traffic), while
/// it kills and stops silos and takes storage away; then it checks that nothing acknowledged was lost and every
/// derived value, figure and watcher caught up.
/// </summary>
public sealed class ChaosSoak(SoakOptions options, TextWriter output)
{
    public async Task<SoakResult> RunAsync(CancellationToken cancellationToken)
    {
        var machine = MachineInfo.Read().ToString();
        output.WriteLine($"soak: ./ozg bench soak {options.ToArguments()}");
        output.WriteLine($"seed: {options.Seed} (pass --seed {options.Seed} to inject the same faults again)");
        output.WriteLine($"machine: {machine}");
        var random = new Random(options.Seed);
        var started = Stopwatch.GetTimestamp();
        await using var cluster = await SoakCluster.StartAsync(options.LogDirectory, cancellationToken);
        var world = await SoakSetup.PrepareAsync(cluster, options, cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cluster {cluster.StorageName} up and set up after {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s; silo logs in {options.LogDirectory}"));

        var ledger = new SoakLedger();
        var channels = new List<GrpcChannel>();
        GrpcChannel Channel(string? token)
        {
            var channel = cluster.Channel(token);
            channels.Add(channel);
            return channel;
        }

        var itDienstleister = cluster.Token(Roles.ItDienstleister, "soak:writer", world.ItDienstleister);
        var management = cluster.Token(Roles.ProgrammManagement, SoakSetup.ManagementSubject);
        var monitoringToken = cluster.Token(Roles.Monitoring, "soak-dashboard");
        var forged = AccessTokens.Issue(TokenChannel.NewAuth(), "mallory", Roles.ProgrammManagement, null, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
        using var hostileChannels = new HostileChannels(
            cluster.Channel(management), cluster.Channel(monitoringToken), cluster.Channel(itDienstleister), cluster.Channel(null), cluster.Channel(forged));

        var writers = world.StatusLeistungen
            .Select((mine, i) => SoakWriterFor(i, "status update", mine, Channel(itDienstleister), SoakWrites.Status))
            .Append(SoakWriterFor(world.StatusLeistungen.Length, "Zuständigkeit change", world.ZustaendigkeitLeistungen, Channel(management), SoakWrites.Zustaendigkeit))
            .ToList();
        var reporterNumber = writers.Count;
        var reporter = new SoakReporter(reporterNumber, world.RolloutLeistungen, world.Kommunen,
            new RolloutService.RolloutServiceClient(Channel(itDienstleister)), ledger, new Random(random.Next()));
        var watchers = Enumerable.Range(0, options.Watchers).Select(_ => new SoakWatcher(world.Written, Channel(monitoringToken), ledger)).ToList();
        var reader = new SoakReader(world.Written, Channel(monitoringToken), ledger, new Random(random.Next()));
        var hostile = new SoakHostileTraffic(hostileChannels, world.ForeignLeistungen, world.UsedRequest, ledger, new Random(random.Next()));

        using var stop = new CancellationTokenSource();
        using var stopWatching = new CancellationTokenSource();
        var watching = watchers.Select(w => Task.Run(() => w.RunAsync(stopWatching.Token), CancellationToken.None)).ToArray();
        Task[] load =
        [
            .. writers.Select(w => Task.Run(() => w.RunAsync(stop.Token), CancellationToken.None)),
            Task.Run(() => reporter.RunAsync(stop.Token), CancellationToken.None),
            Task.Run(() => reader.RunAsync(stop.Token), CancellationToken.None),
            Task.Run(() => hostile.RunAsync(stop.Token), CancellationToken.None),
        ];

        output.WriteLine("faults:");
        var faults = new SoakFaults(cluster, ledger, options, new Random(random.Next()), output);
        await faults.RunAsync(cancellationToken);
        if (options.Duration > ledger.Now)
        {
            await Task.Delay(options.Duration - ledger.Now, cancellationToken);
        }

        // A fault that ended just now: the load goes on until every writer has been acknowledged again (or a minute has passed).
        int[] writing = [.. writers.Select(w => w.Number), reporterNumber];
        await Poll.UntilAsync(() => Task.FromResult(faults.Recoveries(writing).All(r => r.Recovery is not null)), SoakOptions.ConvergenceDeadline, cancellationToken);
        await stop.CancelAsync();
        await Task.WhenAll(load);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load stopped after {ledger.Now.TotalSeconds:F1} s; checking"));

        using var checkChannel = cluster.Channel(management);
        var leistungen = new LeistungService.LeistungServiceClient(checkChannel);
        var rollouts = new RolloutService.RolloutServiceClient(checkChannel);
        var history = await new SoakHistoryCheck(leistungen, rollouts).RunAsync(world, ledger);
        var convergence = await new SoakConvergenceCheck(leistungen, rollouts, new MonitoringService.MonitoringServiceClient(checkChannel)).RunAsync(world, watchers);

        // The watchers follow until the checks are done: the last changes reach them after the load has stopped.
        await stopWatching.CancelAsync();
        await Task.WhenAll(watching);
        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        var recoveries = faults.Recoveries(writing);
        var recovered = recoveries.Where(r => r.Recovery is not null).Select(r => (long)(r.Recovery!.Value.TotalSeconds * Stopwatch.Frequency)).ToArray();
        var result = new SoakResult(
            options.Seed,
            ledger.Writes.Count,
            ledger.ReportsAcknowledged,
            history,
            convergence,
            faults.Injected,
            LatencyStats.FromTicks(recovered, recovered.Length),
            recoveries.Count(r => r.Recovery is null),
            ledger.Outcomes.ToDictionary(),
            hostile.Unexpected.ToDictionary());
        output.WriteLine($"watchers: {string.Join("; ", watchers.Select(Describe))}");
        output.WriteLine("recovery per fault: " + string.Join(", ", recoveries.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.Fault.Kind} at {r.Fault.At.TotalSeconds:F0} s: {(r.Recovery is { } t ? $"{t.TotalSeconds:F1} s" : "not recovered")}"))));
        SoakReport.Write(output, options, machine, result);
        return result;

        SoakWriter SoakWriterFor(int number, string kind, int[] mine, GrpcChannel channel, Func<LeistungService.LeistungServiceClient, WriteAttempt> attempt)
        {
            var client = new LeistungService.LeistungServiceClient(channel);
            return new SoakWriter(number, kind, mine, client, ledger, attempt(client));
        }
    }

    private static string Describe(SoakWatcher watcher) =>
        $"{watcher.ChangesSeen} changes, {watcher.CoveredBySnapshot} skipped versions covered by a snapshot, {watcher.CoveredByCatchUp} by a catch-up, " +
        $"{watcher.OutOfOrder} out of order; streams: {string.Join(", ", watcher.Streams.Select(s => $"{s.Key} ×{s.Value}"))}";
}

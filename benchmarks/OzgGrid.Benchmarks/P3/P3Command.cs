using System.CommandLine;
using OzgGrid.Benchmarks.Hosting;

namespace OzgGrid.Benchmarks.P3;

/// <summary>`p3`: the command line of <see cref="P3MonitoringLatency"/>.</summary>
public static class P3Command
{
    public static Command Create()
    {
        var watchers = CommandOptions.Positive("--watchers", "Concurrent WatchProgramme streams (0: updates only, no deliveries measured)", 100, allowZero: true);
        var rate = new Option<double>("--rate") { Description = "Updates per second, paced open-loop", DefaultValueFactory = _ => 2000 };
        rate.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() <= 0)
            {
                result.AddError("--rate must be more than 0.");
            }
        });
        var seconds = CommandOptions.Positive("--seconds", "Length of the measured load per run", 10);
        var runs = CommandOptions.Positive("--runs", "Runs, each on a fresh host; the summary gives the median of each figure", 3);
        // Three: the JIT's tiered, profile-guided code takes about three runs of this load to settle (BENCHMARKS.md, P3).
        var warmupRuns = CommandOptions.Positive("--warmup-runs", "Whole runs before the counted ones, printed but not counted (JIT warm-up)", 3, allowZero: true);
        var warmup = CommandOptions.Positive("--warmup", "Seconds of load at the same rate before each measurement, not measured", 2, allowZero: true);
        var drain = CommandOptions.Positive("--drain", "Seconds to wait after the last acknowledgement for deliveries still under way", 15);
        var watchersPerChannel = CommandOptions.Positive("--watchers-per-channel", "Watch streams multiplexed over one GrpcChannel", 10);
        var updateChannels = CommandOptions.Positive("--update-channels", "GrpcChannels the updates are spread over", 4);
        var storage = new Option<StorageKind>("--storage")
        {
            Description = "Grain storage of the host: memory, or azurite (needs " + BenchmarkHost.AzuriteConnectionStringVariable + ")",
            DefaultValueFactory = _ => StorageKind.Memory,
        };

        var batched = new Option<bool>("--batched")
        {
            Description = "Watch streams opened with `batched` (a change_batch per delivery) rather than one message per change",
            DefaultValueFactory = _ => true,
        };

        var quick = new Option<bool>("--quick")
        {
            Description = "A smoke test of the harness: 10 watchers at 200 updates/s for 1 s, one run, no warm-up run (other settings ignored)",
        };

        var command = new Command("p3", "Latency from an acknowledged UpdateLeistungStatus to its arrival at every WatchProgramme stream, under load")
        {
            watchers, rate, seconds, runs, warmupRuns, warmup, drain, watchersPerChannel, updateChannels, storage, batched, quick,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var options = new P3Options(
                parsed.GetValue(watchers),
                parsed.GetValue(rate),
                parsed.GetValue(seconds),
                parsed.GetValue(runs),
                parsed.GetValue(warmupRuns),
                parsed.GetValue(warmup),
                parsed.GetValue(drain),
                parsed.GetValue(watchersPerChannel),
                parsed.GetValue(updateChannels),
                parsed.GetValue(storage),
                parsed.GetValue(batched));
            if (parsed.GetValue(quick))
            {
                options = options.AsQuick();
            }

            return await new P3MonitoringLatency(options, Console.Out).RunAsync(cancellationToken);
        });
        return command;
    }
}

using System.CommandLine;
using OzgGrid.Benchmarks.Hosting;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>`soak`: the command line of <see cref="ChaosSoak"/>.</summary>
public static class SoakCommand
{
    public static Command Create()
    {
        var minutes = new Option<double>("--minutes") { Description = "Minutes of load and faults", DefaultValueFactory = _ => 5 };
        minutes.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() <= 0)
            {
                result.AddError("--minutes must be more than 0.");
            }
        });
        var seed = new Option<int?>("--seed") { Description = "Seed of the fault schedule and the load's choices (default: a random one, printed)" };
        var interval = CommandOptions.PositiveSeconds("--fault-interval", "About how often a fault is injected", 30);
        var maxFaults = CommandOptions.Positive("--max-faults", "At most this many faults (0: as many as fit)", 0, allowZero: true);
        var writers = CommandOptions.Positive("--writers", "IT-Dienstleister status writers, 6 Leistungen each", 4);
        var watchers = CommandOptions.Positive("--watchers", "WatchProgramme clients following every written Leistung", 3);
        var command = new Command("soak", "Chaos soak: 3 silo processes on Azurite under mixed load, silos killed and stopped and storage taken away; checks nothing is lost")
        {
            minutes, seed, interval, maxFaults, writers, watchers,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var options = new SoakOptions(
                TimeSpan.FromMinutes(parsed.GetValue(minutes)),
                TimeSpan.FromSeconds(parsed.GetValue(interval)),
                parsed.GetValue(maxFaults),
                parsed.GetValue(seed) ?? Random.Shared.Next(),
                parsed.GetValue(writers),
                parsed.GetValue(watchers),
                Path.Combine(RepositoryLayout.Root, ".ozg", "soak"));
            var result = await new ChaosSoak(options, Console.Out).RunAsync(cancellationToken);
            return result.Passed ? 0 : 1;
        });
        return command;
    }
}

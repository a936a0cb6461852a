using System.Diagnostics;
using System.Text.Json;
using OzgGrid.Cli;
using OzgGrid.Demo.Simulation;
using OzgGrid.Silo.Tests.Cli;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Demo;

/// <summary>
/// `./ozg demo` comes alive: `ozgctl watch` (the tool's own code, in-process) sees the simulator's changes within
/// <see cref="Alive"/> of its start, and a seed gives the same writes again.
/// </summary>
public sealed class DemoLivenessTests : OwnHostTest
{
    /// <summary>What the README promises for the page and `ozgctl watch` after `./ozg demo`.</summary>
    private static readonly TimeSpan Alive = TimeSpan.FromSeconds(30);

    private const int Seed = 21;
    private const int Changes = 5;

    [Fact]
    public async Task Ozgctl_watch_sees_the_simulators_changes_within_30_seconds_and_the_same_seed_writes_the_same_again()
    {
        var clock = new FixedDayClock(DateTimeOffset.UtcNow);
        var output = new CapturedWriter();
        var ozgctl = new OzgCtlRunner(Host);
        var watch = OzgCtlRunner.InProcessAsync(ozgctl.Environment(), output, ["watch", "--count", $"{Changes}", "-o", "json"]);
        await Eventually.ReturnsAsync(() => Task.FromResult(output.ToString()), text => text.Contains("\"snapshot\"", StringComparison.Ordinal) || watch.IsCompleted,
            "the watch's snapshot");

        var first = new RecordingInterceptor();
        var started = Stopwatch.GetTimestamp();
        var (simulator, run) = Start(first, clock);
        var watched = await watch.WaitAsync(Alive);
        var seen = Stopwatch.GetElapsedTime(started);
        await run;

        Assert.True(watched.ExitCode == ExitCodes.Ok, watched.ToString());
        var changes = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).Where(e => e.GetProperty("event").GetString() == "change").ToList();
        Assert.Equal(Changes, changes.Count);
        var simulated = simulator.Leistungen.Select(l => l.OzgId).ToHashSet();
        Assert.All(changes, change => Assert.Contains(change.GetProperty("ozg_id").GetInt32(), simulated));
        Assert.True(seen < Alive, $"the first {Changes} changes took {seen}");

        // The same seed again (its writes now answered as repeats of the first run's): the same writes in the same order.
        var second = new RecordingInterceptor();
        var (_, again) = Start(second, clock);
        await again;
        Assert.True(first.Writes.Count > 20, $"only {first.Writes.Count} writes");
        Assert.Equal(first.Writes, second.Writes);
    }

    /// <summary>The simulator with <see cref="Seed"/> for its setup and one fast month, its calls seen by <paramref name="recorder"/>.</summary>
    private (ProgrammeSimulator Simulator, Task Run) Start(RecordingInterceptor recorder, TimeProvider clock)
    {
        var connection = new DemoConnection(Host.GatewayAddress, (role, subject, itDienstleister) => Host.TokenFor(role, subject, itDienstleister), recorder);
        var simulator = new ProgrammeSimulator(connection, Seed, TextWriter.Null, clock);
        return (simulator, RunAsync());

        async Task RunAsync()
        {
            using (connection)
            {
                await simulator.RunAsync(TimeSpan.FromSeconds(0.1), months: 1, CancellationToken.None);
            }
        }
    }
}

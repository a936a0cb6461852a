using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Health.V1;
using OzgGrid.Benchmarks.Hosting;
using OzgGrid.Benchmarks.Measurement;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.ColdStart;

/// <summary>
/// P6: a silo process (services/OzgGrid.Silo's build output) started against Azurite storage that holds the imported
/// catalogue: the time from starting the process to its first successful gRPC answer. The catalogue is imported once
/// beforehand by an in-process host on the same storage names, which then stops gracefully; each run starts one
/// process, polls it, and stops it gracefully (SIGTERM), so every run finds the cluster empty.
/// </summary>
public sealed class ColdStartBenchmark(RunCounts counts, string azuriteConnectionString, TextWriter output)
{
    public const double TargetSeconds = 5;

    /// <summary>Elterngeld: a Leistung of the shipped catalogue.</summary>
    public const int OzgId = 10000;

    private const string Subject = "benchmark-p6";

    /// <summary>How long a silo may take to answer before the run fails.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    private static readonly TimeSpan AttemptDeadline = TimeSpan.FromSeconds(2);

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<IReadOnlyList<ColdStartRunResult>> RunAsync(CancellationToken cancellationToken)
    {
        var machine = MachineInfo.Read();
        output.WriteLine($"P6: p6 {counts.ToArguments()}");
        output.WriteLine($"machine: {machine}");
        output.WriteLine($"silo: dotnet {RepositoryLayout.SiloAssembly()}");

        var storageName = BenchmarkHost.NewStorageName();
        await ImportCatalogueAsync(storageName, cancellationToken);
        output.WriteLine($"catalogue imported into {storageName} by an in-process host, which stopped again");
        output.WriteLine();

        var auth = TokenChannel.NewAuth();
        var runs = new List<ColdStartRunResult>();
        foreach (var run in counts.Numbers)
        {
            var result = await RunOnceAsync(run, storageName, auth, cancellationToken);
            output.WriteLine(string.Create(Invariant,
                $"run {run}{(run < 1 ? " (warm-up, not counted)" : string.Empty)}: health SERVING after {result.ServingSeconds:F2} s, " +
                $"first GetLeistung answered after {result.FirstAnswerSeconds:F2} s; silo CPU until then {result.SiloCpuSeconds:F2} s; " +
                $"graceful stop {result.StopSeconds:F2} s; machine CPU {result.CpuMachinePercent:F0} %, load average {result.LoadAverage}"));
            if (run >= 1)
            {
                runs.Add(result);
            }
        }

        WriteSummary(machine, runs);
        return runs;
    }

    private async Task ImportCatalogueAsync(string storageName, CancellationToken cancellationToken)
    {
        var settings = new BenchmarkHostSettings(StorageKind.Azurite, azuriteConnectionString, storageName);
        await using var host = await BenchmarkHost.StartAsync(settings, cancellationToken);
        using var channel = host.ChannelFor(Roles.ProgrammManagement, Subject);
        var import = await new CatalogService.CatalogServiceClient(channel).GetCatalogImportAsync(new GetCatalogImportRequest(), cancellationToken: cancellationToken);
        if (import.Import is not { Leistungen: > 0 })
        {
            throw new InvalidOperationException("The host imported no catalogue on its first start.");
        }
    }

    private async Task<ColdStartRunResult> RunOnceAsync(int run, string storageName, AuthOptions auth, CancellationToken cancellationToken)
    {
        var loadAverage = MachineInfo.Read().LoadAverage;
        var cpu = CpuMeter.Start();
        await using var silo = SiloProcess.Start(azuriteConnectionString, storageName, auth);
        // A refused connection is tried again at the next poll, not after the channel's default backoff of a second or
        // more, which would count the client's wait as the silo's start.
        using var channel = TokenChannel.Create(silo.Address, auth, Roles.Monitoring, Subject, reconnectBackoff: PollInterval);
        var health = new Health.HealthClient(channel);
        var leistungen = new LeistungService.LeistungServiceClient(channel);

        await UntilAsync(silo, async () =>
            (await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow + AttemptDeadline, cancellationToken: cancellationToken)).Status
            == HealthCheckResponse.Types.ServingStatus.Serving, cancellationToken);
        var serving = Stopwatch.GetElapsedTime(silo.StartedAt).TotalSeconds;
        await UntilAsync(silo, async () =>
            (await leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = OzgId }, deadline: DateTime.UtcNow + AttemptDeadline, cancellationToken: cancellationToken))
            .Leistung?.OzgId == OzgId, cancellationToken);
        var answered = Stopwatch.GetElapsedTime(silo.StartedAt).TotalSeconds;
        var siloCpu = silo.CpuTime.TotalSeconds;
        var (_, cpuMachine) = cpu.Stop();
        var stop = await silo.StopAsync();
        return new ColdStartRunResult(run, serving, answered, siloCpu, stop, cpuMachine, loadAverage);
    }

    /// <summary>Polls until <paramref name="succeeded"/> holds (a failed call counts as not yet); fails if the silo exits or takes too long.</summary>
    private static async Task UntilAsync(SiloProcess silo, Func<Task<bool>> succeeded, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                if (await succeeded())
                {
                    return;
                }
            }
            catch (RpcException exception) when (exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal)
            {
                // Not listening yet, or not ready: poll again.
            }

            if (silo.HasExited || Stopwatch.GetElapsedTime(silo.StartedAt) > StartTimeout)
            {
                throw new InvalidOperationException(
                    $"The silo did not answer within {StartTimeout.TotalSeconds} s (exited: {silo.HasExited}); its last output:{Environment.NewLine}{silo.RecentOutput}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private void WriteSummary(MachineInfo machine, List<ColdStartRunResult> runs)
    {
        output.WriteLine();
        output.WriteLine($"## P6 — silo cold start to first successful gRPC answer: median of {runs.Count} runs");
        output.WriteLine();
        output.WriteLine($"command: ./ozg bench p6 {counts.ToArguments()}");
        output.WriteLine($"machine: {machine}");
        output.WriteLine("silo: `dotnet services/OzgGrid.Silo/bin/<configuration>/net10.0/OzgGrid.Silo.dll` on Azurite holding the imported catalogue; polled every 10 ms");
        output.WriteLine();
        var header = string.Join(" | ", runs.Select(run => $"run {run.Run}"));
        output.WriteLine($"| figure | median | {header} |");
        output.WriteLine($"| --- | ---: |{string.Concat(runs.Select(_ => " ---: |"))}");
        Row("process start → health SERVING (s)", run => run.ServingSeconds);
        Row("process start → first GetLeistung answer (s)", run => run.FirstAnswerSeconds);
        Row("silo CPU time until then (s)", run => run.SiloCpuSeconds);
        Row("graceful stop (s)", run => run.StopSeconds);
        Row("machine CPU meanwhile (%)", run => run.CpuMachinePercent, "F0");
        output.WriteLine();

        var seconds = Median.Of(runs.Select(run => run.FirstAnswerSeconds));
        var target = string.Create(Invariant, $"target: cold start to first successful gRPC answer ≤ {TargetSeconds} s");
        var verdict = counts.Quick ? "not judged in quick mode" : seconds <= TargetSeconds ? "MET" : "NOT MET";
        output.WriteLine(string.Create(Invariant, $"{target}: {verdict} (median {seconds:F2} s)."));
        return;

        void Row(string figure, Func<ColdStartRunResult, double> value, string format = "F2") =>
            output.WriteLine($"| {figure} | {Median.Of(runs.Select(value)).ToString(format, Invariant)} | " +
                $"{string.Join(" | ", runs.Select(run => value(run).ToString(format, Invariant)))} |");
    }
}

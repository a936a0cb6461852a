using System.Globalization;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>The summary of a soak, as Markdown for BENCHMARKS.md.</summary>
public static class SoakReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(TextWriter output, SoakOptions options, string machine, SoakResult result)
    {
        output.WriteLine();
        output.WriteLine($"## Chaos soak — {options.Duration.TotalMinutes.ToString("0.##", Invariant)} min, 3 silo processes on Azurite, seed {result.Seed}");
        output.WriteLine();
        output.WriteLine($"command: ./ozg bench soak {options.ToArguments()}");
        output.WriteLine($"machine: {machine}");
        output.WriteLine();
        output.WriteLine("| check | result |");
        output.WriteLine("| --- | ---: |");
        Row("writes acknowledged (status, Zuständigkeit)", result.WritesAcknowledged);
        Row("rollout reports acknowledged", result.ReportsAcknowledged);
        Row("acknowledged writes and reports lost", result.Lost);
        Row("version gaps in the Leistungen' histories", result.History.VersionGaps);
        Row("derived Land Verfügbarkeiten not published", result.Convergence.UnpublishedDerived);
        Row("figures differing from a recount", result.Convergence.FigureDifferences);
        Row("changes a watcher missed without a snapshot", result.Convergence.WatcherChangesMissed);
        Row("watchers not knowing the final versions", result.Convergence.WatchersBehind);
        Row("UNKNOWN / INTERNAL from a silo, deadlines passed", result.Defects);
        Row("hostile calls answered wrongly", result.HostileMisanswered.Values.Sum());
        Row("faults: SIGKILL / SIGTERM / Azurite outage",
            $"{result.FaultsOf(FaultKind.SiloKilled)} / {result.FaultsOf(FaultKind.SiloStopped)} / {result.FaultsOf(FaultKind.StorageOutage)}");
        Row("recovery p50 / p99 / max (s)", string.Create(Invariant,
            $"{result.Recovery.P50 / 1000:F1} / {result.Recovery.P99 / 1000:F1} / {result.Recovery.Max / 1000:F1}") +
            (result.FaultsNotRecovered > 0 ? $" ({result.FaultsNotRecovered} not recovered)" : string.Empty));
        output.WriteLine();
        output.WriteLine("recovery: from a silo's kill or stop (from Azurite's restart) until every writer and reporter had a write acknowledged again");
        output.WriteLine($"ReconcileFigures afterwards: {result.Convergence.Reconciliation}");
        output.WriteLine();

        output.WriteLine("| calls by source | " + string.Join(" | ", Codes(result)) + " |");
        output.WriteLine("| --- |" + string.Concat(Codes(result).Select(_ => " ---: |")));
        foreach (var source in result.Outcomes.Keys.Select(k => k.Source).Distinct().Order(StringComparer.Ordinal))
        {
            output.WriteLine($"| {source} | " + string.Join(" | ", Codes(result).Select(code => result.Outcomes.GetValueOrDefault((source, code)))) + " |");
        }

        output.WriteLine();
        foreach (var (kind, count) in result.HostileMisanswered)
        {
            output.WriteLine($"hostile call answered wrongly: {kind} ×{count}");
        }

        foreach (var problem in result.History.Problems.Concat(result.Convergence.Problems).Take(50))
        {
            output.WriteLine(problem);
        }

        output.WriteLine(result.Passed
            ? "verdict: PASSED — nothing lost, nothing unrepaired, no UNKNOWN/INTERNAL/deadline"
            : $"verdict: FAILED — {result.Lost} lost, {result.Unrepaired} unrepaired, {result.Defects} UNKNOWN/INTERNAL/deadline, " +
              $"{result.FaultsNotRecovered} faults not recovered, {result.HostileMisanswered.Values.Sum()} hostile calls answered wrongly");
        return;

        void Row(string check, object value) => output.WriteLine($"| {check} | {value} |");
    }

    private static List<string> Codes(SoakResult result) =>
        [.. result.Outcomes.Keys.Select(k => k.Outcome).Distinct().OrderBy(c => c == "OK" ? string.Empty : c, StringComparer.Ordinal)];
}

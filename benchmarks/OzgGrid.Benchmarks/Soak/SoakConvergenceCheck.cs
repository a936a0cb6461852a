using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>
/// After the load: every Land Verfügbarkeit derived from the rollout is published into its Leistung, the programme
/// figures equal a recount from the Leistungen, and every watcher knows every Leistung's final version, having seen
/// each change or a snapshot covering it. Each may take until <see cref="SoakOptions.ConvergenceDeadline"/>.
/// </summary>
public sealed class SoakConvergenceCheck(
    LeistungService.LeistungServiceClient leistungen, RolloutService.RolloutServiceClient rollouts, MonitoringService.MonitoringServiceClient monitoring)
{
    public async Task<ConvergenceFindings> RunAsync(SoakWorld world, IReadOnlyList<SoakWatcher> watchers)
    {
        var problems = new List<string>();
        var unpublished = world.RolloutLeistungen.ToList();
        await Poll.UntilAsync(async () =>
        {
            foreach (var ozgId in unpublished.ToArray())
            {
                var rollout = await rollouts.GetRolloutAsync(new GetRolloutRequest { OzgId = ozgId, Land = world.Land, PageSize = 1 }, deadline: SoakCalls.Deadline());
                var status = (await leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId }, deadline: SoakCalls.Deadline())).Leistung.Status;
                var inLeistung = status.Verfuegbarkeit.GetValueOrDefault(world.Land, Verfuegbarkeit.Keine);
                if (rollout.Verfuegbarkeit == rollout.PublishedVerfuegbarkeit && Same(rollout.Verfuegbarkeit, inLeistung))
                {
                    unpublished.Remove(ozgId);
                }
                else if (unpublished.Count > 0)
                {
                    Last(problems, $"UNPUBLISHED: Leistung {ozgId} in {world.Land}: derived {rollout.Verfuegbarkeit}, published {rollout.PublishedVerfuegbarkeit}, in the Leistung {inLeistung}", ozgId);
                }
            }

            return unpublished.Count == 0;
        }, SoakOptions.ConvergenceDeadline);
        problems.RemoveAll(p => !unpublished.Any(ozgId => p.Contains($"Leistung {ozgId} ", StringComparison.Ordinal)));

        var differences = new List<string>();
        await Poll.UntilAsync(async () =>
        {
            var counted = await FiguresRecount.CountAsync(leistungen);
            var reported = FiguresRecount.From((await monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest(), deadline: SoakCalls.Deadline())).Figures);
            differences = FiguresRecount.Differences(reported, counted);
            return differences.Count == 0;
        }, SoakOptions.ConvergenceDeadline);
        problems.AddRange(differences.Select(d => $"FIGURES: {d}"));
        var reconciled = await SoakCalls.RetryAsync(() => monitoring.ReconcileFiguresAsync(new ReconcileFiguresRequest(), deadline: SoakCalls.LongDeadline()).ResponseAsync);
        var reconciliation = $"{reconciled.LeistungenCounted} Leistungen counted, {reconciled.LeistungenCaughtUp} caught up, drifted: " +
            (reconciled.DriftedFigures.Count == 0 ? "none" : string.Join(", ", reconciled.DriftedFigures));

        var finalVersions = new Dictionary<int, long>();
        foreach (var ozgId in world.Written)
        {
            finalVersions[ozgId] = (await SoakCalls.RetryAsync(() => leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId }, deadline: SoakCalls.Deadline()).ResponseAsync)).Leistung.Version;
        }

        await Poll.UntilAsync(() => Task.FromResult(watchers.All(w => w.Knows(finalVersions))), SoakOptions.ConvergenceDeadline);
        var behind = watchers.Count(w => !w.Knows(finalVersions));
        if (behind > 0)
        {
            problems.Add($"WATCHERS: {behind} of {watchers.Count} do not know every Leistung's final version; " +
                string.Join("; ", watchers.Select(w => w.Behind(finalVersions)).Where(b => b.Length > 0)));
        }

        var missed = watchers.SelectMany(w => w.Missing).ToList();
        problems.AddRange(missed.Take(20).Select(m => $"WATCHER MISSED: Leistung {m.OzgId} version {m.Version}: no change and no snapshot told of it"));
        return new ConvergenceFindings(unpublished.Count, differences.Count, missed.Count, behind, reconciliation, problems);
    }

    /// <summary>VERFUEGBARKEIT_KEINE is published by leaving the Land out of the Leistung's status.</summary>
    private static bool Same(Verfuegbarkeit derived, Verfuegbarkeit inLeistung) =>
        derived == inLeistung || (derived is Verfuegbarkeit.Keine or Verfuegbarkeit.Unspecified && inLeistung is Verfuegbarkeit.Keine or Verfuegbarkeit.Unspecified);

    /// <summary>Keeps only the latest description of a Leistung's problem.</summary>
    private static void Last(List<string> problems, string problem, int ozgId)
    {
        problems.RemoveAll(p => p.Contains($"Leistung {ozgId} ", StringComparison.Ordinal));
        problems.Add(problem);
    }
}

using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>
/// Reads back, after the load: every acknowledged write must be in its Leistung's history at its version with its
/// request id, each history must run without a gap up to the Leistung's version, and every acknowledged rollout report
/// must be its entry's version (or an older one than the entry holds).
/// </summary>
public sealed class SoakHistoryCheck(LeistungService.LeistungServiceClient leistungen, RolloutService.RolloutServiceClient rollouts)
{
    private const int PageSize = 500;

    public async Task<HistoryFindings> RunAsync(SoakWorld world, SoakLedger ledger)
    {
        var problems = new List<string>();
        var writes = ledger.Writes.ToArray();
        var lost = 0;
        var gaps = 0;
        foreach (var ozgId in world.Written)
        {
            // Read before and after the history: a write whose caller gave up when the load stopped may still be applied
            // meanwhile (its outcome was unknown to the caller), so the history may end at either version.
            var current = await LeistungAsync(ozgId);
            var (history, doubled) = await HistoryAsync(ozgId);
            var later = await LeistungAsync(ozgId);
            gaps += CountGaps(ozgId, (current.Version, later.Version), history, doubled, problems);
            foreach (var write in writes.Where(w => w.OzgId == ozgId))
            {
                var found = history.GetValueOrDefault(write.Version);
                var kept = write.Changed ? found?.RequestId == write.RequestId : current.Version >= write.Version;
                if (!kept)
                {
                    lost++;
                    problems.Add($"LOST: {write.Kind} of Leistung {ozgId} acknowledged at version {write.Version} (request {write.RequestId}, at {write.At.TotalSeconds:F1} s); " +
                        $"the history holds {(found is null ? "no such version" : $"request {found.RequestId} by {found.ChangedBy} there")}, the Leistung is at version {current.Version}");
                }
            }
        }

        var reports = ledger.Reports.Values.ToArray();
        foreach (var group in reports.GroupBy(r => r.OzgId))
        {
            var entries = (await SoakCalls.RetryAsync(() => rollouts.GetRolloutAsync(
                new GetRolloutRequest { OzgId = group.Key, Land = world.Land, PageSize = PageSize }, deadline: SoakCalls.Deadline()).ResponseAsync)).Entries.ToDictionary(e => e.Ags);
            foreach (var report in group)
            {
                var entry = entries.GetValueOrDefault(report.Ags);
                if (entry is null || entry.Version < report.Version || (entry.Version == report.Version && entry.Verfuegbarkeit != report.Verfuegbarkeit))
                {
                    lost++;
                    problems.Add($"LOST: rollout report {report.OzgId}/{report.Ags} acknowledged at version {report.Version} ({report.Verfuegbarkeit}); " +
                        $"the entry is {(entry is null ? "absent" : $"at version {entry.Version} ({entry.Verfuegbarkeit})")}");
                }
            }
        }

        return new HistoryFindings(writes.Length, reports.Length, lost, gaps, problems);
    }

    private async Task<Leistung> LeistungAsync(int ozgId) =>
        (await SoakCalls.RetryAsync(() => leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId }, deadline: SoakCalls.Deadline()).ResponseAsync)).Leistung;

    /// <summary>The Leistung's whole history by version (a version listed twice keeps its first entry), and how many entries repeated a version.</summary>
    private async Task<(Dictionary<long, LeistungChange> ByVersion, int Doubled)> HistoryAsync(int ozgId)
    {
        var changes = new List<LeistungChange>();
        var token = string.Empty;
        do
        {
            var page = await SoakCalls.RetryAsync(() => leistungen.ListLeistungChangesAsync(
                new ListLeistungChangesRequest { OzgId = ozgId, PageSize = PageSize, PageToken = token }, deadline: SoakCalls.Deadline()).ResponseAsync);
            changes.AddRange(page.Changes);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        var byVersion = new Dictionary<long, LeistungChange>();
        foreach (var change in changes)
        {
            byVersion.TryAdd(change.Version, change);
        }

        return (byVersion, changes.Count - byVersion.Count);
    }

    /// <summary>
    /// Versions missing between the oldest listed and the Leistung's version read before the history, versions listed
    /// twice, and versions beyond the one read after it.
    /// </summary>
    private static int CountGaps(int ozgId, (long Before, long After) version, Dictionary<long, LeistungChange> history, int doubled, List<string> problems)
    {
        if (history.Count == 0)
        {
            return 0;
        }

        var oldest = history.Keys.Min();
        var missing = Enumerable.Range(0, (int)(version.Before - oldest + 1)).Select(i => oldest + i).Where(v => !history.ContainsKey(v)).ToList();
        var beyond = history.Keys.Count(v => v > version.After);
        if (missing.Count + doubled + beyond > 0)
        {
            problems.Add($"GAP: Leistung {ozgId} at version {version.Before} (then {version.After}): history from version {oldest} misses {string.Join(", ", missing.Take(10))}" +
                $"{(missing.Count > 10 ? " …" : string.Empty)}; {doubled} version(s) listed twice; {beyond} beyond the Leistung's version");
        }

        return missing.Count + doubled + beyond;
    }
}

using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Reconciliation;
using OzgGrid.Grains.Abstractions.Termine;
using OzgGrid.Grains.Monitoring;

namespace OzgGrid.Grains.ProgrammeManagement;

/// <summary>
/// The figures compared with their records: a report that never arrived (it is sent one way, and only again when the
/// record next wakes) or a counted entry that is not the record's is taken from the record itself.
/// </summary>
public sealed partial class ProgrammeFiguresGrain
{
    public Task<ImmutableArray<Correction>> ReconcileNachnutzungAsync(ImmutableArray<Recorded<EfaNachnutzung>> records) =>
        ReconcileAsync(
            records, efa => efa.OzgId, ProgrammeFigureKeys.Of, counted => counted.Nachnutzung,
            (counted, ozgId) => counted with { Nachnutzung = counted.Nachnutzung.Remove(ozgId) },
            record => ReportNachnutzungAsync(record.Body, record.Version, record.LastChange));

    public Task<ImmutableArray<Correction>> ReconcileUeberfaelligAsync(ImmutableArray<Recorded<UeberfaelligeLeistung>> records) =>
        ReconcileAsync(
            records, ueberfaellig => ueberfaellig.OzgId, ProgrammeFigureKeys.Of, counted => counted.Termine,
            (counted, ozgId) => counted with { Termine = counted.Termine.Remove(ozgId) },
            record => ReportUeberfaelligAsync(record.Body, record.Version, record.LastChange));

    public Task<ImmutableArray<Correction>> RecountFiguresAsync()
    {
        var recount = Recount(_state.State);
        var corrections = FigureCorrections.Between(_figures.ToImmutable(), recount.ToImmutable());
        if (!corrections.IsEmpty)
        {
            // Watchers and the aggregator see it at their next snapshot or recount: no event carries a correction.
            _figures = recount;
        }

        return Task.FromResult(corrections);
    }

    /// <summary>Takes each record whose counted report is missing, of another version, or counts towards other figures.</summary>
    private async Task<ImmutableArray<Correction>> ReconcileAsync<T>(
        ImmutableArray<Recorded<T>> records,
        Func<T, int> ozgIdOf,
        Func<T, IEnumerable<string>> keysOf,
        Func<ProgrammeFiguresState, ImmutableSortedDictionary<int, (T Report, long Version)>> countedIn,
        Func<ProgrammeFiguresState, int, ProgrammeFiguresState> forget,
        Func<Recorded<T>, Task> report)
    {
        var corrections = ImmutableArray.CreateBuilder<Correction>();
        foreach (var record in records)
        {
            var ozgId = ozgIdOf(record.Body);
            var known = countedIn(_state.State).TryGetValue(ozgId, out var counted);
            List<string> keysCounted = known ? [.. keysOf(counted.Report)] : [];
            List<string> keysRecorded = [.. keysOf(record.Body)];
            if (known && counted.Version == record.Version && keysCounted.SequenceEqual(keysRecorded, StringComparer.Ordinal))
            {
                continue;
            }

            corrections.Add(new Correction(Subject(ozgId), Describe(known, counted.Version, keysCounted), Describe(true, record.Version, keysRecorded)));
            if (known && counted.Version >= record.Version)
            {
                // Counted at or past the record's own version: what is counted is wrong, so the report below must not
                // be ignored as known.
                _figures.Move(keysCounted, []);
                _state.State = forget(_state.State, ozgId);
            }

            await report(record);
        }

        return corrections.ToImmutable();
    }

    /// <summary>The figures counted from scratch from the latest report of each Leistung.</summary>
    private static FigureCounter Recount(ProgrammeFiguresState counted)
    {
        var figures = new FigureCounter();
        foreach (var (efa, _) in counted.Nachnutzung.Values)
        {
            figures.Move([], ProgrammeFigureKeys.Of(efa));
        }

        foreach (var (ueberfaellig, _) in counted.Termine.Values)
        {
            figures.Move([], ProgrammeFigureKeys.Of(ueberfaellig));
        }

        return figures;
    }

    private static string Subject(int ozgId) => ozgId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(bool counted, long version, List<string> keys) =>
        counted ? $"version {version} ({(keys.Count > 0 ? string.Join(", ", keys) : "no figures")})" : "not counted";
}

using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.Monitoring;

/// <summary>
/// The aggregator's copy of the programme-management figures (EfA, overdue; keys "efa/…", "ueberfaellig/…", never 0)
/// as <see cref="IProgrammeFiguresGrain"/> announces them. Its events are numbered into the aggregator's sequence and
/// published as changes of their Leistung. Not shared between threads: the aggregator's gate serialises its use.
/// </summary>
public sealed class ProgrammeFiguresCopy
{
    private readonly Dictionary<string, long> _figures = new(StringComparer.Ordinal);

    /// <summary>The number of the last event taken; older ones are retries.</summary>
    public long Sequence { get; private set; }

    public IReadOnlyDictionary<string, long> Figures => _figures;

    /// <summary>Takes the events newer than the last taken, in their order, and numbers each as a change of its Leistung.</summary>
    /// <param name="leistung">The Leistung as counted (or read), null if it is not in the catalogue.</param>
    /// <returns>
    /// The changes to publish, and whether an event was taken whose predecessor never came: the figures that one moved
    /// are then out of date here until they are recounted from the figures grain.
    /// </returns>
    public (ImmutableArray<PublishedChange> Published, bool AfterGap) Take(
        ImmutableArray<ProgrammeEvent> events, Func<int, LeistungSummary?> leistung, ChangeSequence sequence)
    {
        var published = ImmutableArray.CreateBuilder<PublishedChange>();
        var afterGap = false;
        foreach (var programmeEvent in events.OrderBy(e => e.Sequence))
        {
            if (programmeEvent.Sequence <= Sequence)
            {
                continue;
            }

            afterGap |= programmeEvent.Sequence > Sequence + 1;
            Sequence = programmeEvent.Sequence;
            foreach (var figure in programmeEvent.ChangedFigures)
            {
                Set(figure.Key, figure.Value);
            }

            // An announcement moves no figure and is no change of the Leistung: numbered here only so that no gap shows.
            if (programmeEvent.Kind >= ProgrammeEventKind.ZustaendigkeitsebeneGeaendert || leistung(programmeEvent.OzgId) is not { } counted)
            {
                // Records exist only for Leistungen of the catalogue; should one be gone, its figures count all the same.
                continue;
            }

            var change = new LeistungChanged(
                counted, KindOf(programmeEvent.Kind), new ChangeStamp(programmeEvent.ChangedBy, programmeEvent.At, string.Empty), programmeEvent.Fields);
            published.Add(new PublishedChange(sequence.Next(), change, counted, programmeEvent.ChangedFigures, programmeEvent));
        }

        return (published.ToImmutable(), afterGap);
    }

    /// <summary>Takes the figures grain's figures and event number.</summary>
    /// <returns>The keys that differed; the figures are replaced only when some did.</returns>
    public IReadOnlyList<string> TakeFrom(ProgrammeFiguresSnapshot source)
    {
        var drifted = _figures.Keys.Union(source.Figures.Keys)
            .Where(key => _figures.GetValueOrDefault(key) != source.Figures.GetValueOrDefault(key))
            .Order(StringComparer.Ordinal)
            .ToList();
        Sequence = source.Sequence;
        if (drifted.Count > 0)
        {
            _figures.Clear();
            foreach (var (key, value) in source.Figures)
            {
                Set(key, value);
            }
        }

        return drifted;
    }

    private void Set(string key, long value)
    {
        if (value == 0)
        {
            _figures.Remove(key);
        }
        else
        {
            _figures[key] = value;
        }
    }

    private static ChangeKind KindOf(ProgrammeEventKind kind) => kind switch
    {
        ProgrammeEventKind.Ueberfaellig => ChangeKind.Ueberfaellig,
        ProgrammeEventKind.NichtMehrUeberfaellig => ChangeKind.NichtMehrUeberfaellig,
        _ => ChangeKind.Nachnutzung,
    };
}

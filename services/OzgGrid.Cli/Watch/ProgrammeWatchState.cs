using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Watch;

/// <summary>
/// What `watch` shows, kept current from the WatchProgramme stream: the programme figures (with their change since
/// the first snapshot), the newest changes, and the cursor to resume from after a reconnect.
/// </summary>
public sealed class ProgrammeWatchState(int feedSize)
{
    private readonly Dictionary<string, long> _figures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _atStart = new(StringComparer.Ordinal);
    private readonly LinkedList<FeedEntry> _feed = new();

    public string Cursor { get; private set; } = "";

    public int ChangesSeen { get; private set; }

    public bool HasSnapshot { get; private set; }

    public IReadOnlyCollection<FeedEntry> Feed => _feed;

    public long Figure(string key) => _figures.GetValueOrDefault(key);

    /// <summary>How much a figure moved since the first snapshot.</summary>
    public long Delta(string key) => Figure(key) - _atStart.GetValueOrDefault(key);

    public IEnumerable<string> Keys => _figures.Keys;

    /// <summary>Applies one message; returns the changes it carried (for line-by-line output).</summary>
    public IReadOnlyList<FeedEntry> Apply(WatchProgrammeResponse message)
    {
        switch (message.EventCase)
        {
            case WatchProgrammeResponse.EventOneofCase.Snapshot:
                _figures.Clear();
                Set(message.Snapshot.Figures);
                if (!HasSnapshot)
                {
                    foreach (var (key, value) in _figures)
                    {
                        _atStart[key] = value;
                    }

                    // The feed starts with the changes before the watch began; they are not counted as seen by it.
                    foreach (var change in message.Snapshot.RecentChanges)
                    {
                        AddToFeed(Entry(change));
                    }
                }

                HasSnapshot = true;
                Cursor = message.Snapshot.Cursor;
                return [];
            case WatchProgrammeResponse.EventOneofCase.Resumed:
                Cursor = message.Resumed.AfterCursor;
                return [];
            case WatchProgrammeResponse.EventOneofCase.LeistungChanged:
                Set(message.LeistungChanged.ChangedFigures);
                Cursor = message.LeistungChanged.Cursor;
                return [Record(message.LeistungChanged)];
            case WatchProgrammeResponse.EventOneofCase.ChangeBatch:
                Set(message.ChangeBatch.ChangedFigures);
                Cursor = message.ChangeBatch.Cursor;
                return message.ChangeBatch.Changes.Select(Record).ToList();
            case WatchProgrammeResponse.EventOneofCase.FiguresChanged:
                Set(message.FiguresChanged.ChangedFigures);
                Cursor = message.FiguresChanged.Cursor;
                return [];
            case WatchProgrammeResponse.EventOneofCase.Heartbeat:
                Cursor = message.Heartbeat.Cursor;
                return [];
            default:
                return [];
        }
    }

    private void Set(IEnumerable<Protos.V1.Figure> figures)
    {
        foreach (var figure in figures)
        {
            _figures[figure.Key] = figure.Value;
        }
    }

    private FeedEntry Record(LeistungChanged change)
    {
        ChangesSeen++;
        var entry = Entry(change);
        AddToFeed(entry);
        return entry;
    }

    private static FeedEntry Entry(LeistungChanged change) => new(
        change.ChangedAt?.ToDateTimeOffset() ?? DateTimeOffset.UtcNow, change.Leistung.OzgId, change.Leistung.Name,
        change.Kind.ToString(), change.ChangedBy,
        string.Join("; ", change.Fields.Select(f => $"{f.Field}: {Dash(f.Before)} → {Dash(f.After)}")), change.Leistung.Version);

    private void AddToFeed(FeedEntry entry)
    {
        _feed.AddFirst(entry);
        while (_feed.Count > feedSize)
        {
            _feed.RemoveLast();
        }
    }

    private static string Dash(string value) => value.Length == 0 ? "-" : value;
}

using System.Globalization;
using System.Text.Json;
using OzgGrid.Cli.Output;
using Spectre.Console;

namespace OzgGrid.Cli.Watch;

/// <summary>
/// `watch` for pipes, files and scripts: the figures once, then one line per change (table), one JSON object per line
/// (json: "snapshot" and "change" events) or one CSV row per change (csv).
/// </summary>
public sealed class WatchLinePrinter(ResultWriter results, IAnsiConsole console)
{
    private static readonly OutputColumn[] FigureColumns = [new("key", "Kennzahl"), new("label", "Bezeichnung"), new("value", "Wert")];
    private static readonly string[] ChangeColumns = ["changed_at", "ozg_id", "name", "kind", "changed_by", "version", "fields"];

    public void Snapshot(ProgrammeWatchState state, bool first)
    {
        switch (results.Format)
        {
            case OutputFormat.Json:
                results.WriteRaw(JsonLine(json =>
                {
                    json.WriteString("event", "snapshot");
                    json.WriteString("cursor", state.Cursor);
                    json.WriteStartObject("figures");
                    foreach (var key in state.Keys.Order(StringComparer.Ordinal))
                    {
                        json.WriteNumber(key, state.Figure(key));
                    }

                    json.WriteEndObject();
                }));
                break;
            case OutputFormat.Csv when first:
                results.WriteRaw(string.Join(',', ChangeColumns) + Environment.NewLine);
                break;
            case OutputFormat.Table:
                results.WriteRows(FigureColumns, WatchView.Headline().Select(h => new object?[] { h.Key, h.Label, state.Figure(h.Key) }).ToList(),
                    first ? "Programme figures" : "Programme figures (new snapshot)");
                break;
        }
    }

    /// <summary>`watch --once`: the figures alone, as a table, a JSON object or key,value CSV.</summary>
    public void FiguresOnly(ProgrammeWatchState state)
    {
        if (results.Format == OutputFormat.Json)
        {
            Snapshot(state, first: true);
            return;
        }

        results.WriteRows(FigureColumns, WatchView.Headline().Select(h => new object?[] { h.Key, h.Label, state.Figure(h.Key) }).ToList(), "Programme figures");
    }

    public void Change(FeedEntry entry)
    {
        var at = entry.ChangedAt.ToString("O", CultureInfo.InvariantCulture);
        switch (results.Format)
        {
            case OutputFormat.Json:
                results.WriteRaw(JsonLine(json =>
                {
                    json.WriteString("event", "change");
                    json.WriteString("changed_at", at);
                    json.WriteNumber("ozg_id", entry.OzgId);
                    json.WriteString("name", entry.Name);
                    json.WriteString("kind", entry.Kind);
                    json.WriteString("changed_by", entry.ChangedBy);
                    json.WriteNumber("version", entry.Version);
                    json.WriteString("fields", entry.Fields);
                }));
                break;
            case OutputFormat.Csv:
                var csv = ResultWriter.ToCsv(
                    ChangeColumns.Select(c => new OutputColumn(c, c)).ToList(),
                    [[at, entry.OzgId, entry.Name, entry.Kind, entry.ChangedBy, entry.Version, entry.Fields]]);
                results.WriteRaw(csv[(csv.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
                break;
            default:
                console.WriteLine($"{entry.ChangedAt.ToLocalTime():HH:mm:ss} {entry.OzgId} {entry.Name} [{entry.Kind}] {entry.Fields} (by {entry.ChangedBy}, v{entry.Version})");
                break;
        }
    }

    private static string JsonLine(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ReadableJson.Encoder }))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }
}

using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Output;

/// <summary>
/// The per-Land Verfügbarkeit of a Leistung as one cell: grouped by level in a table ("flächendeckend: NW BY"),
/// "NW=flaechendeckend;BY=pilot" in CSV, an object in JSON.
/// </summary>
public sealed record LaenderCell(IReadOnlyDictionary<string, Verfuegbarkeit> Verfuegbarkeit)
{
    public static LaenderCell Of(LeistungStatus? status) =>
        new((status?.Verfuegbarkeit ?? [])
            .Where(entry => entry.Value > Protos.V1.Verfuegbarkeit.Keine)
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .ToDictionary(entry => entry.Key, entry => entry.Value));

    public string ForTable() => Verfuegbarkeit.Count == 0
        ? "-"
        : string.Join("; ", Verfuegbarkeit
            .GroupBy(entry => entry.Value)
            .OrderByDescending(group => group.Key)
            .Select(group => $"{Labels.Of(group.Key)}: {string.Join(' ', group.Select(entry => entry.Key))}"));

    public string ForCsv() => string.Join(';', Verfuegbarkeit.Select(entry => $"{entry.Key}={Labels.Key(entry.Value)}"));
}

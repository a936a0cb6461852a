using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using OzgGrid.Grains.Abstractions.Catalog;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Themenfelder;

namespace OzgGrid.Grains.Catalog;

/// <summary>
/// Reads the catalogue files (see data/catalog/README.md). The real data has quirks, such as LeiKa rows without a
/// key and mixed Typ values; they are kept and reported as findings. A row that cannot be used is reported, never
/// dropped silently, and never fails the import.
/// </summary>
public static class CatalogCsvReader
{
    public const string ThemenfelderFile = "themenfelder.csv";
    public const string LagenFile = "lagen.csv";
    public const string LeistungenFile = "ozg_leistungen.csv";
    public const string LeikaFile = "leika_leistungen.csv";
    public const string FederfuehrungFile = "federfuehrung.csv";

    /// <summary>The LeiKa-Typ values of the LeiKa's own definition; anything else is kept but reported.</summary>
    public static readonly ImmutableHashSet<string> StandardLeikaTypen = ["1", "2/3", "4", "5"];

    public static CatalogData ReadDirectory(string directory) =>
        Read(name => File.OpenText(Path.Combine(directory, name)));

    /// <param name="openFile">Opens one of the catalogue files by its name.</param>
    public static CatalogData Read(Func<string, TextReader> openFile)
    {
        var findings = ImmutableArray.CreateBuilder<ImportFinding>();

        var themenfelder = new SortedDictionary<int, string>();
        ReadRows(openFile, ThemenfelderFile, findings, (row, finding) =>
        {
            if (row.Int("themenfeld_id") is { } id && row.Text("name") is { Length: > 0 } name)
            {
                if (!themenfelder.TryAdd(id, name))
                {
                    finding($"Themenfeld {id} appears twice; the first row is kept.");
                }
            }
            else
            {
                finding("Needs a numeric themenfeld_id and a name; row not taken.");
            }
        });

        var lagen = new SortedDictionary<int, (int ThemenfeldId, string Name)>();
        ReadRows(openFile, LagenFile, findings, (row, finding) =>
        {
            if (row.Int("lage_id") is not { } id || row.Int("themenfeld_id") is not { } themenfeldId || row.Text("name") is not { Length: > 0 } name)
            {
                finding("Needs numeric lage_id and themenfeld_id and a name; row not taken.");
            }
            else if (!themenfelder.ContainsKey(themenfeldId))
            {
                finding($"Lage {id} names Themenfeld {themenfeldId}, which does not exist; row not taken.");
            }
            else if (!lagen.TryAdd(id, (themenfeldId, name)))
            {
                finding($"Lage {id} appears twice; the first row is kept.");
            }
        });

        var leistungen = new SortedDictionary<int, (string Name, int LageId)>();
        ReadRows(openFile, LeistungenFile, findings, (row, finding) =>
        {
            if (row.Int("ozg_id") is not { } id || row.Text("name") is not { Length: > 0 } name || row.Int("lage_id") is not { } lageId)
            {
                finding("Needs a numeric ozg_id, a name and a numeric lage_id; row not taken.");
            }
            else if (!lagen.ContainsKey(lageId))
            {
                finding($"OZG-Leistung {id} names Lage {lageId}, which does not exist; row not taken.");
            }
            else if (!leistungen.TryAdd(id, (name, lageId)))
            {
                finding($"OZG-ID {id} appears twice; the first row is kept.");
            }
        });

        var leika = new Dictionary<int, List<LeikaLeistungEntry>>();
        var withoutKey = 0;
        var typCounts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var typFirstLine = new Dictionary<string, int>();
        ReadRows(openFile, LeikaFile, findings, (row, finding) =>
        {
            var key = row.Text("leika_key") ?? string.Empty;
            var typ = row.Text("leika_typ") ?? string.Empty;
            if (row.Int("ozg_id") is not { } ozgId || !leistungen.ContainsKey(ozgId))
            {
                finding($"LeiKa-Leistung '{key}' names OZG-ID '{row.Text("ozg_id")}', which is not in {LeistungenFile}; row not taken.");
                return;
            }

            if (key.Length == 0)
            {
                withoutKey++;
            }
            else if (key.Length != 14 || !key.All(char.IsAsciiDigit))
            {
                finding($"LeiKa key '{key}' is not 14 digits; kept as given.");
            }

            typCounts[typ] = typCounts.GetValueOrDefault(typ) + 1;
            typFirstLine.TryAdd(typ, row.Line);
            leika.TryAdd(ozgId, []);
            leika[ozgId].Add(new(key, row.Text("name") ?? string.Empty, typ));
        });

        if (withoutKey > 0)
        {
            findings.Add(new(LeikaFile, 0, $"{withoutKey} LeiKa-Leistungen have no LeiKa key; they are kept without one."));
        }

        foreach (var (typ, count) in typCounts.Where(t => !StandardLeikaTypen.Contains(t.Key)))
        {
            var shown = typ.Length == 0 ? "(empty)" : $"'{typ}'";
            findings.Add(new(LeikaFile, typFirstLine[typ],
                $"LeiKa-Typ {shown} in {count} rows is not one of 1, 2/3, 4, 5; kept as given."));
        }

        var federfuehrungen = ImmutableDictionary.CreateBuilder<int, Federfuehrung>();
        ReadRows(openFile, FederfuehrungFile, findings, (row, finding) =>
        {
            if (row.Int("themenfeld_id") is not { } id || !themenfelder.ContainsKey(id))
            {
                finding($"Federführung for unknown Themenfeld '{row.Text("themenfeld_id")}'; row not taken.");
                return;
            }

            var laender = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var text in (row.Text("laender") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (LaenderRegister.TryFind(text, out var land))
                {
                    laender.Add(land.Kuerzel);
                }
                else
                {
                    finding($"Unknown Land '{text}' left out of the Federführung of Themenfeld {id}.");
                }
            }

            federfuehrungen[id] = new(row.Text("bundesressort") ?? string.Empty, laender.ToImmutable());
        });

        var leistungenByLage = leistungen.GroupBy(l => l.Value.LageId).ToDictionary(g => g.Key, g => g.Select(l => l.Key).ToList());
        var themenfeldEntries = themenfelder.Select(themenfeld =>
        {
            var ownLagen = lagen.Where(l => l.Value.ThemenfeldId == themenfeld.Key).ToList();
            return new ThemenfeldCatalogEntry(
                themenfeld.Key,
                themenfeld.Value,
                [.. ownLagen.Select(l => new LageEntry(l.Key, l.Value.Name))],
                [.. ownLagen.SelectMany(l => leistungenByLage.GetValueOrDefault(l.Key) ?? []).Order()]);
        });

        var leistungEntries = leistungen.Select(leistung =>
        {
            var lage = lagen[leistung.Value.LageId];
            return new LeistungCatalogEntry(
                leistung.Key,
                leistung.Value.Name,
                leistung.Value.LageId,
                lage.Name,
                lage.ThemenfeldId,
                [.. leika.GetValueOrDefault(leistung.Key) ?? []]);
        });

        return new CatalogData(
            [.. themenfeldEntries],
            federfuehrungen.ToImmutable(),
            [.. leistungEntries],
            withoutKey,
            typCounts.ToImmutableSortedDictionary(StringComparer.Ordinal),
            findings.ToImmutable());
    }

    private static void ReadRows(
        Func<string, TextReader> openFile,
        string file,
        ImmutableArray<ImportFinding>.Builder findings,
        Action<CsvRow, Action<string>> take)
    {
        using var reader = openFile(file);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        if (!csv.Read() || !csv.ReadHeader())
        {
            findings.Add(new(file, 1, "The file is empty; nothing taken from it."));
            return;
        }

        while (csv.Read())
        {
            var row = new CsvRow(csv);
            take(row, message => findings.Add(new(file, row.Line, message)));
        }
    }
}

using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using OzgGrid.Grains.Abstractions.Reifegradmodelle;
using OzgGrid.Grains.Catalog;

namespace OzgGrid.Grains.Reifegradmodelle;

/// <summary>
/// Reads the two Reifegradmodelle from data/reifegrad (see its README). The data ships with OzgGrid, so a row that
/// does not fit fails the start, naming the file and line, rather than rating by a model that is not the one shipped.
/// </summary>
public static class ReifegradCsvReader
{
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "data", "reifegrad");

    private static readonly ImmutableDictionary<string, ReifegradModellVersion> Versions =
        ImmutableDictionary.CreateRange([new("1.1", ReifegradModellVersion.Modell11), new KeyValuePair<string, ReifegradModellVersion>("2.0", ReifegradModellVersion.Modell20)]);

    private static readonly ImmutableDictionary<string, Basiskomponente> Komponenten = ImmutableDictionary.CreateRange(
    [
        new KeyValuePair<string, Basiskomponente>("DeutschlandID", Basiskomponente.DeutschlandId),
        new("Organisationskonto", Basiskomponente.Organisationskonto),
        new("NOOTS", Basiskomponente.Noots),
        new("Statusmonitor", Basiskomponente.Statusmonitor),
        new("E-Akte", Basiskomponente.EAkte),
        new("Zahlungs-/HKR-Systeme", Basiskomponente.ZahlungHkr),
    ]);

    public static ReifegradModelle ReadDirectory(string directory) => Read(name => File.OpenText(Path.Combine(directory, name)));

    /// <param name="openFile">Opens one of the files by its name.</param>
    public static ReifegradModelle Read(Func<string, TextReader> openFile)
    {
        var modelle = new Dictionary<ReifegradModellVersion, (string Bezeichnung, int Hoechste)>();
        ReadRows(openFile, "modelle.csv", (row, fail) =>
            modelle.Add(Version(row, fail), (row.Text("bezeichnung") ?? throw fail("bezeichnung"), row.Int("hoechste_stufe") ?? throw fail("hoechste_stufe"))));

        var kriterien = new Dictionary<ReifegradModellVersion, List<ReifegradKriterium>>();
        ReadRows(openFile, "kriterien.csv", (row, fail) =>
            Of(kriterien, Version(row, fail)).Add(new ReifegradKriterium(
                row.Text("kriterium") ?? throw fail("kriterium"), row.Text("bezeichnung") ?? throw fail("bezeichnung"), row.Text("hinweis") ?? string.Empty)));

        var stufen = new Dictionary<ReifegradModellVersion, List<(int Stufe, string Name)>>();
        ReadRows(openFile, "stufen.csv", (row, fail) =>
            Of(stufen, Version(row, fail)).Add((row.Int("stufe") ?? throw fail("stufe"), row.Text("bezeichnung") ?? throw fail("bezeichnung"))));

        var anforderungen = new Dictionary<ReifegradModellVersion, List<BasiskomponentenAnforderung>>();
        ReadRows(openFile, "basiskomponenten.csv", (row, fail) =>
            Of(anforderungen, Version(row, fail)).Add(new BasiskomponentenAnforderung(
                row.Int("stufe") ?? throw fail("stufe"),
                row.Text("kriterium"),
                Komponenten.TryGetValue(row.Text("basiskomponente") ?? string.Empty, out var k) ? k : throw fail("basiskomponente"))));

        ReifegradModell Build(ReifegradModellVersion version)
        {
            var (bezeichnung, hoechste) = modelle.TryGetValue(version, out var m) ? m : throw new InvalidDataException($"modelle.csv has no row for model {version}.");
            var namen = Of(stufen, version).OrderBy(s => s.Stufe).ToList();
            if (!namen.Select(s => s.Stufe).SequenceEqual(Enumerable.Range(0, hoechste + 1)))
            {
                throw new InvalidDataException($"stufen.csv must name each level 0–{hoechste} of {bezeichnung} once.");
            }

            var modell = new ReifegradModell(version, bezeichnung, hoechste, [.. Of(kriterien, version)], [.. namen.Select(s => s.Name)], [.. Of(anforderungen, version)]);
            if (modell.Kriterien.IsEmpty || modell.Kriterien.Select(k => k.Key).Distinct().Count() != modell.Kriterien.Length)
            {
                throw new InvalidDataException($"kriterien.csv must list the criteria of {bezeichnung}, each key once.");
            }

            if (modell.Anforderungen.FirstOrDefault(a => a.Stufe < 0 || a.Stufe > hoechste || (a.Kriterium is { } key && !modell.HasKriterium(key))) is { } wrong)
            {
                throw new InvalidDataException($"basiskomponenten.csv: {wrong} does not fit {bezeichnung}.");
            }

            return modell;
        }

        return new ReifegradModelle(Build(ReifegradModellVersion.Modell11), Build(ReifegradModellVersion.Modell20));
    }

    private static List<T> Of<T>(Dictionary<ReifegradModellVersion, List<T>> lists, ReifegradModellVersion version) =>
        lists.TryGetValue(version, out var list) ? list : lists[version] = [];

    private static ReifegradModellVersion Version(CsvRow row, Func<string, Exception> fail) =>
        Versions.TryGetValue(row.Text("modell") ?? string.Empty, out var version) ? version : throw fail("modell");

    private static void ReadRows(Func<string, TextReader> openFile, string file, Action<CsvRow, Func<string, Exception>> take)
    {
        using var reader = openFile(file);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var row = new CsvRow(csv);
            take(row, column => new InvalidDataException($"{file}, line {row.Line}: column {column} is missing or not understood."));
        }
    }
}

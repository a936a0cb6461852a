using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using OzgGrid.Grains.Abstractions.Kommunen;

namespace OzgGrid.Grains.Kommunen;

/// <summary>
/// The register of all German Gemeinden shipped in data/catalog: <c>gemeinden_de.csv</c> (Destatis Gemeindeverzeichnis
/// GV100AD, Gebietsstand 30.11.2025; columns ags, name, land, kreis_ags, kreis_name, ars, einwohner, and in a newer
/// Gebietsstand optionally merged_into). Its licence (dl-de/by-2-0) asks for <see cref="Attribution"/> wherever it is shown.
/// </summary>
public static class ShippedGemeinden
{
    public const string File = "gemeinden_de.csv";

    public const string Attribution =
        "© Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV100AD, Gebietsstand 30.11.2025, 2025, dl-de/by-2-0 " +
        "(Daten verändert: Auszug der Gemeinden, in CSV umgeformt)";

    /// <summary>The shipped register per Land kürzel, each sorted by AGS as in the file.</summary>
    public static ImmutableSortedDictionary<string, ImmutableArray<Kommune>> Read(string directory)
    {
        using var reader = System.IO.File.OpenText(Path.Combine(directory, File));
        return Read(reader);
    }

    public static ImmutableSortedDictionary<string, ImmutableArray<Kommune>> Read(TextReader text)
    {
        var byLand = new SortedDictionary<string, ImmutableArray<Kommune>.Builder>(StringComparer.Ordinal);
        // Each Kreis name once in memory, however many Gemeinden share it.
        var kreisNames = new Dictionary<string, string>(StringComparer.Ordinal);
        using var csv = new CsvReader(text, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var land = csv.GetField("land") ?? string.Empty;
            var kreisName = csv.GetField("kreis_name") ?? string.Empty;
            kreisName = kreisNames.TryGetValue(kreisName, out var shared) ? shared : kreisNames[kreisName] = kreisName;
            var kommune = new Kommune(
                csv.GetField("ags") ?? string.Empty,
                csv.GetField("name") ?? string.Empty,
                KommuneSource.Imported,
                kreisName,
                csv.GetField("ars") ?? string.Empty,
                int.Parse(csv.GetField("einwohner") ?? "0", NumberStyles.None, CultureInfo.InvariantCulture));
            if (!byLand.TryGetValue(land, out var kommunen))
            {
                byLand[land] = kommunen = ImmutableArray.CreateBuilder<Kommune>();
            }

            kommunen.Add(kommune);
        }

        return byLand.ToImmutableSortedDictionary(pair => pair.Key, pair => pair.Value.ToImmutable(), StringComparer.Ordinal);
    }
}

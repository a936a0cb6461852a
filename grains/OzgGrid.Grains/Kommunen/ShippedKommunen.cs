using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using OzgGrid.Grains.Abstractions.Kommunen;

namespace OzgGrid.Grains.Kommunen;

/// <summary>
/// The Kommunen register shipped in data/catalog: <c>kommunen_nrw.csv</c>, the 390 NRW Kommunen by name only. The real
/// Regionalschlüssel is not in the file, so each gets a generated AGS: "05" and its 1-based position in the file,
/// six digits ("Aachen", the first row, is 05000001). Stable as long as the file keeps its order; marked
/// <see cref="KommuneSource.GeneratedAgs"/> so that nobody takes it for the official key.
/// </summary>
public static class ShippedKommunen
{
    public const string NrwFile = "kommunen_nrw.csv";
    public const string NrwLand = "NW";
    private const string NrwCode = "05";

    public static ImmutableArray<Kommune> ReadNrw(string directory)
    {
        using var reader = File.OpenText(Path.Combine(directory, NrwFile));
        return ReadNrw(reader);
    }

    public static ImmutableArray<Kommune> ReadNrw(TextReader text)
    {
        using var csv = new CsvReader(text, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var kommunen = ImmutableArray.CreateBuilder<Kommune>();
        while (csv.Read())
        {
            if (csv.GetField("name")?.Trim() is { Length: > 0 } name)
            {
                var ags = NrwCode + (kommunen.Count + 1).ToString("D6", CultureInfo.InvariantCulture);
                kommunen.Add(new Kommune(ags, name, KommuneSource.GeneratedAgs));
            }
        }

        return kommunen.ToImmutable();
    }
}

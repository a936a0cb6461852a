using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using NutzungsBefund = OzgGrid.Grains.Abstractions.Nutzung.NutzungsBefund;
using OzgGrid.Gateway.Reports;
using OzgGrid.Grains.Abstractions.Nutzung;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Monitoring;

/// <summary>
/// The usage report as CSV, in the shape of <see cref="ReportCsv"/>. A year's figures of an Onlinedienst in a Land come
/// as a row for the Land, then per Kreis a row for the Kreis and one per Kommune: the AGS sort that way, a Kreis's five
/// digits before its Kommunen's eight. A month nobody reported stays empty, so that it is not read as zero.
/// </summary>
public sealed class NutzungReportCsv
{
    private const int MonateImJahr = 12;

    private readonly List<object[]> _rows = [];

    public static string[] MonateHeader { get; } =
        ["ebene", "land", "onlinedienst_id", "kreis", "ags", .. Enumerable.Range(1, MonateImJahr).Select(m => string.Create(CultureInfo.InvariantCulture, $"m{m:00}")), "summe"];

    public static string[] BefundeHeader { get; } =
        ["land", "onlinedienst_id", "ags", "art", "ozg_ids", "transaktionen", "festgestellt_am", "beschreibung"];

    /// <param name="successors">Retired AGS → its successor: the figures count there.</param>
    public void Monate(NutzungJahr record, IReadOnlyDictionary<string, string> successors)
    {
        var kommunen = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var (ags, werte) in record.Kommunen)
        {
            Add(kommunen, successors.GetValueOrDefault(ags, ags), werte);
        }

        var kreise = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        var land = Leer();
        foreach (var (ags, werte) in kommunen)
        {
            Add(kreise, ags[..5], werte);
            Sum(land, werte);
        }

        _rows.Add(Row("land", record, string.Empty, string.Empty, land));
        foreach (var (kreis, werte) in kreise)
        {
            _rows.Add(Row("kreis", record, kreis, string.Empty, werte));
            _rows.AddRange(kommunen.Where(k => k.Key.StartsWith(kreis, StringComparison.Ordinal)).Select(k => Row("kommune", record, kreis, k.Key, k.Value)));
        }
    }

    public void Befunde(ImmutableArray<NutzungsBefund> befunde) => _rows.AddRange(befunde.Select(b => new object[]
    {
        b.Land, b.OnlinedienstId, b.Ags, ReportCsv.SnakeCase(b.Art), string.Join(' ', b.OzgIds), b.Transaktionen,
        b.FestgestelltAm.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), b.Beschreibung,
    }));

    public string Write(NutzungReportTeil teil)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new ReportCsvWriter(text))
        {
            ReportCsv.WriteRows(csv, teil == NutzungReportTeil.Monate ? MonateHeader : BefundeHeader, _rows);
        }

        return text.ToString();
    }

    private static object[] Row(string ebene, NutzungJahr record, string kreis, string ags, long[] werte) =>
    [
        ebene, record.Land, record.OnlinedienstId, kreis, ags,
        .. werte.Select(w => w == NutzungJahr.NichtGemeldet ? string.Empty : (object)w), werte.Where(w => w != NutzungJahr.NichtGemeldet).Sum(),
    ];

    private static long[] Leer() => Enumerable.Repeat(NutzungJahr.NichtGemeldet, MonateImJahr).ToArray();

    private static void Add(SortedDictionary<string, long[]> into, string key, IReadOnlyList<long> werte)
    {
        if (!into.TryGetValue(key, out var summe))
        {
            into[key] = summe = Leer();
        }

        Sum(summe, werte);
    }

    /// <summary>Adds the reported months; a month stays unreported only while nothing was reported for it.</summary>
    private static void Sum(long[] summe, IReadOnlyList<long> werte)
    {
        for (var m = 0; m < MonateImJahr; m++)
        {
            if (werte[m] != NutzungJahr.NichtGemeldet)
            {
                summe[m] = Math.Max(summe[m], 0) + werte[m];
            }
        }
    }
}

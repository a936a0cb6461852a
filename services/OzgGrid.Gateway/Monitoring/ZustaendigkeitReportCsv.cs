using System.Globalization;
using CsvHelper;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Reports;
using OzgGrid.Grains.Abstractions.Rollout;

namespace OzgGrid.Gateway.Monitoring;

/// <summary>
/// Who carries out the Leistungen, as CSV for spreadsheets: per Leistung and Land one row for ALLE or KEINE, one per
/// listed Kommune (a cell per AGS keeps a list of thousands within a spreadsheet cell's limit); a Leistung with a
/// Zuständigkeitsebene and no such Land, one row without a Land. Ordered by OZG-ID, Land and AGS.
/// </summary>
public static class ZustaendigkeitReportCsv
{
    private static readonly string[] Header = ["ozg_id", "name", "zustaendigkeitsebene", "land", "zustaendig", "ags", "kommune", "version"];

    /// <param name="kommuneName">The name of a Kommune by Land and AGS (empty when the register does not know it).</param>
    public static (string FileName, string Csv) Write(IEnumerable<ZustaendigkeitReportLeistung> leistungen, Func<string, string, string> kommuneName, DateOnly day)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new ReportCsvWriter(text))
        {
            foreach (var column in Header)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var leistung in leistungen.OrderBy(l => l.OzgId))
            {
                var ebenen = string.Join(' ', leistung.Ebenen.Select(e => e.Label()));
                if (leistung.Laender.Count == 0)
                {
                    WriteRow(csv, leistung, ebenen, string.Empty, string.Empty, string.Empty, string.Empty, 0);
                }

                foreach (var (land, recorded) in leistung.Laender.OrderBy(l => l.Land, StringComparer.Ordinal))
                {
                    var art = recorded.Body.Art.Label();
                    if (recorded.Body.Art != ZustaendigeKommunenArt.Liste)
                    {
                        WriteRow(csv, leistung, ebenen, land, art, string.Empty, string.Empty, recorded.Version);
                    }

                    foreach (var ags in recorded.Body.Ags)
                    {
                        WriteRow(csv, leistung, ebenen, land, art, ags, kommuneName(land, ags), recorded.Version);
                    }
                }
            }
        }

        return ($"ozg-zustaendigkeit-{day:yyyy-MM-dd}.csv", text.ToString());
    }

    private static void WriteRow(CsvWriter csv, ZustaendigkeitReportLeistung leistung, string ebenen, string land, string art, string ags, string kommune, long version)
    {
        csv.WriteField(leistung.OzgId);
        csv.WriteField(leistung.Name);
        csv.WriteField(ebenen);
        csv.WriteField(land);
        csv.WriteField(art);
        csv.WriteField(ags);
        csv.WriteField(kommune);
        csv.WriteField(version);
        csv.NextRecord();
    }
}

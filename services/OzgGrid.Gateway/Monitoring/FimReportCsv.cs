using System.Globalization;
using CsvHelper;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Reports;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Steckbrief;

namespace OzgGrid.Gateway.Monitoring;

/// <summary>
/// The FIM status of the Leistungen as CSV, for spreadsheets: one row per Leistung with a FIM building block, ordered
/// by OZG-ID; per building block its id, version and status (empty where none is recorded).
/// </summary>
public static class FimReportCsv
{
    public static (string FileName, string Csv) Write(IEnumerable<(string Name, Recorded<LeistungSteckbrief> Steckbrief)> leistungen, DateOnly day)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new ReportCsvWriter(text))
        {
            string[] header =
            [
                "ozg_id", "name", "zustaendigkeitsebene",
                .. Enum.GetValues<FimBaustein>().SelectMany(b => new[] { $"{Column(b)}_id", $"{Column(b)}_version", $"{Column(b)}_status" }),
                "version",
            ];
            foreach (var column in header)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var (name, recorded) in leistungen.OrderBy(l => l.Steckbrief.Body.OzgId))
            {
                var steckbrief = recorded.Body;
                csv.WriteField(steckbrief.OzgId);
                csv.WriteField(name);
                csv.WriteField(string.Join(' ', steckbrief.Ebenen.Select(e => e.Label())));
                foreach (var baustein in Enum.GetValues<FimBaustein>())
                {
                    var eintrag = steckbrief.Fim.GetValueOrDefault(baustein);
                    csv.WriteField(eintrag?.FimId ?? string.Empty);
                    csv.WriteField(eintrag?.Version ?? string.Empty);
                    csv.WriteField(eintrag?.Status.Label() ?? string.Empty);
                }

                csv.WriteField(recorded.Version);
                csv.NextRecord();
            }
        }

        return ($"ozg-fim-status-{day:yyyy-MM-dd}.csv", text.ToString());
    }

    private static string Column(FimBaustein baustein) => baustein.ToString().ToLowerInvariant();
}

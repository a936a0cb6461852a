using System.Globalization;
using CsvHelper;
using OzgGrid.Gateway.Reports;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.Reifegradmodelle;

namespace OzgGrid.Gateway.Monitoring;

/// <summary>
/// The Onlinedienste × LeiKa-Leistungen report as CSV: one row per pair with both levels (by the shipped models), and
/// one row with empty pair columns for an Onlinedienst that implements no LeiKa-Leistung yet.
/// </summary>
public static class OnlinedienstReportCsv
{
    private static readonly string[] Header =
        ["onlinedienst_id", "name", "anbieter_id", "hersteller", "efa", "veroeffentlicht", "leika_key", "ozg_id", "reifegrad_1_1", "reifegrad_2_0"];

    public static (string FileName, string Csv) Write(IEnumerable<Onlinedienst> onlinedienste, ReifegradModelle modelle, DateOnly asOf)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new ReportCsvWriter(text))
        {
            Record(csv, Header);
            foreach (var d in onlinedienste.OrderBy(d => d.OnlinedienstId, StringComparer.Ordinal))
            {
                object[] dienst = [d.OnlinedienstId, d.Name, d.AnbieterId, d.Details.Hersteller, d.Details.Efa, d.Veroeffentlicht];
                if (d.Leistungen.IsEmpty)
                {
                    Record(csv, [.. dienst, "", "", "", ""]);
                }

                foreach (var l in d.Leistungen)
                {
                    Record(csv, [.. dienst, l.LeikaKey, l.OzgId, modelle.V11.Stufe(l.Bewertung11), modelle.V20.Stufe(l.Bewertung20)]);
                }
            }
        }

        return ($"ozg-onlinedienste-{asOf:yyyy-MM-dd}.csv", text.ToString());
    }

    private static void Record(CsvWriter csv, IEnumerable<object> cells)
    {
        foreach (var cell in cells)
        {
            csv.WriteField(cell);
        }

        csv.NextRecord();
    }
}

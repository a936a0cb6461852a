using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using OzgGrid.Gateway.Reports;
using OzgGrid.Grains.Abstractions.Umsetzungsprojekte;

namespace OzgGrid.Gateway.Monitoring;

/// <summary>The Umsetzungsprojekte report as CSV, in the shape of <see cref="ReportCsv"/>: one row per phase, the projects in it on time and overdue.</summary>
public static class UmsetzungsprojektReportCsv
{
    public static (string FileName, string Csv) Write(ImmutableArray<ProjektStatus> statuses, DateOnly asOf)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new ReportCsvWriter(text))
        {
            ReportCsv.WriteRows(csv, ["phase", "projekte", "im_plan", "ueberfaellig"],
                UmsetzungsprojektRules.AllePhasen.Select(phase =>
                {
                    var inPhase = statuses.Where(s => s.Phase == phase).ToList();
                    return new object[] { ReportCsv.SnakeCase(phase), inPhase.Count, inPhase.Count(s => !s.IstUeberfaellig), inPhase.Count(s => s.IstUeberfaellig) };
                }));
        }

        return ($"ozg-umsetzungsprojekte-{asOf:yyyy-MM-dd}.csv", text.ToString());
    }
}

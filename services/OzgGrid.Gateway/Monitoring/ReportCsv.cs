using System.Globalization;
using System.Text.Json;
using CsvHelper;
using OzgGrid.Gateway.Reports;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Monitoring;

/// <summary>
/// The Berichtswesen's reports as CSV: one row per Themenfeld, Land or Lage, one column per figure. The columns from
/// the programme management's records (overdue milestones, EfA) come last, and only in a report of the current
/// figures: a report as of a past moment is recounted from the Leistungen' histories, which do not hold them.
/// </summary>
public static class ReportCsv
{
    public static (string FileName, string Csv) Write(ReportKind kind, ProgrammeFigures figures, DateOnly asOf)
    {
        var overdue = figures.Ueberfaellig is not null;
        var efa = figures.Efa is not null;
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new ReportCsvWriter(text))
        {
            switch (kind)
            {
                case ReportKind.Themenfelder:
                    WriteRows(csv, ["themenfeld_id", "name", "leistungen", "ozg_konform", .. ReifegradColumns, .. PhaseColumns, .. Optional(overdue, "ueberfaellig")],
                        figures.Themenfelder.Select(t => Row(t.ThemenfeldId, t.Name, t.Leistungen, t.OzgKonform)
                            .Concat(t.ByReifegrad.Select(r => (object)r.Leistungen))
                            .Concat(t.ByPhase.Select(p => (object)p.Leistungen))
                            .Concat(Optional<object>(overdue, t.Ueberfaellig))));
                    break;
                case ReportKind.Laender:
                    WriteRows(csv,
                        [
                            "land", "name", "flaechendeckend", "in_mindestens_einer_kommune", .. VerfuegbarkeitColumns,
                            .. Optional(overdue, "ueberfaellig"),
                            .. Optional(efa, "efa_bereitgestellt", "efa_nachgenutzt", "efa_nachnutzung_in_vorbereitung"),
                        ],
                        figures.Laender.Select(l => Row(l.Land, l.Name, l.Flaechendeckend, l.InMindestensEinerKommune)
                            .Concat(l.ByVerfuegbarkeit.Select(v => (object)v.Leistungen))
                            .Concat(Optional<object>(overdue, l.Ueberfaellig))
                            .Concat(Optional<object>(efa, l.EfaBereitgestellt, l.EfaNachgenutzt, l.EfaNachnutzungInVorbereitung))));
                    break;
                case ReportKind.Lagen:
                    WriteRows(csv, ["lage_id", "name", "themenfeld_id", "leistungen", "ozg_konform", .. ReifegradColumns],
                        figures.Lagen.Select(l => Row(l.LageId, l.Name, l.ThemenfeldId, l.Leistungen, l.OzgKonform)
                            .Concat(l.ByReifegrad.Select(r => (object)r.Leistungen))));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown report kind.");
            }
        }

        var name = kind.ToString().ToLowerInvariant();
        return ($"ozg-{name}-{asOf:yyyy-MM-dd}.csv", text.ToString());
    }

    private static IEnumerable<string> ReifegradColumns => Enumerable.Range(0, 5).Select(r => $"reifegrad_{r}");

    private static IEnumerable<string> PhaseColumns =>
        Enum.GetValues<Grains.Abstractions.Leistungen.Umsetzungsphase>().Select(p => $"phase_{SnakeCase(p)}");

    private static IEnumerable<string> VerfuegbarkeitColumns =>
        Enum.GetValues<Grains.Abstractions.Leistungen.Verfuegbarkeit>().Select(v => $"verfuegbarkeit_{SnakeCase(v)}");

    internal static string SnakeCase(Enum value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static object[] Row(params object[] cells) => cells;

    private static T[] Optional<T>(bool present, params T[] cells) => present ? cells : [];

    internal static void WriteRows(CsvWriter csv, IEnumerable<string> header, IEnumerable<IEnumerable<object>> rows)
    {
        foreach (var column in header)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var cell in row)
            {
                csv.WriteField(cell);
            }

            csv.NextRecord();
        }
    }
}

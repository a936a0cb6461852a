using System.Globalization;
using CsvHelper;
using OzgGrid.Gateway.Monitoring;
using OzgGrid.Gateway.Reports;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Kennzahlen;

/// <summary>
/// The figures of <c>GetOnlinedienstKennzahlen</c> as one long table, one row per figure: what it counts (bereich),
/// of which (schluessel: a Hersteller, a criterion, a phase …), which count (merkmal) and its value. Long rather than
/// wide, so that the figures of every dimension fit one sheet and a pivot table takes them as they are.
/// </summary>
public static class OnlinedienstKennzahlenReportCsv
{
    public static (string FileName, string Csv) Write(GetOnlinedienstKennzahlenResponse k, DateOnly asOf)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new ReportCsvWriter(text))
        {
            ReportCsv.WriteRows(csv, ["bereich", "schluessel", "merkmal", "wert"], Rows(k).Select(r => new object[] { r.Bereich, r.Schluessel, r.Merkmal, r.Wert }));
        }

        return ($"ozg-onlinedienst-kennzahlen-{asOf:yyyy-MM-dd}.csv", text.ToString());
    }

    private static IEnumerable<(string Bereich, string Schluessel, string Merkmal, long Wert)> Rows(GetOnlinedienstKennzahlenResponse k)
    {
        yield return ("onlinedienste", "", "gesamt", k.Onlinedienste);
        yield return ("onlinedienste", "", "efa", k.Efa);
        yield return ("onlinedienste", "", "veroeffentlicht", k.Veroeffentlicht);
        yield return ("onlinedienste", "", "paare", k.Paare);
        foreach (var h in k.Hersteller)
        {
            yield return ("hersteller", h.Hersteller, "onlinedienste", h.Onlinedienste);
            yield return ("hersteller", h.Hersteller, "fachverfahren", h.Fachverfahren);
            yield return ("hersteller", h.Hersteller, "gesamt", h.Gesamt);
        }

        foreach (var n in k.Nutzerkonten)
        {
            yield return ("nutzerkonto", ReportCsv.SnakeCase(n.Art), "onlinedienste", n.Onlinedienste);
        }

        foreach (var v in k.Vertrauensniveaus)
        {
            yield return ("vertrauensniveau", ReportCsv.SnakeCase(v.Vertrauensniveau), "onlinedienste", v.Onlinedienste);
        }

        foreach (var m in k.Reifegrad)
        {
            var modell = m.Modell == ReifegradModell.V11 ? "reifegrad_1_1" : "reifegrad_2_0";
            foreach (var s in m.Stufen)
            {
                yield return (modell, "paare", $"stufe_{s.Stufe}", s.Paare);
            }

            foreach (var kriterium in m.Kriterien)
            {
                foreach (var s in kriterium.Stufen)
                {
                    yield return (modell, kriterium.Kriterium, $"stufe_{s.Stufe}", s.Paare);
                }

                yield return (modell, kriterium.Kriterium, "nicht_bewertet", kriterium.NichtBewertet);
            }
        }

        yield return ("umsetzungsprojekte", "", "gesamt", k.Umsetzungsprojekte);
        foreach (var p in k.Phasen)
        {
            yield return ("projektphase", ReportCsv.SnakeCase(p.Phase), "projekte", p.Projekte);
            yield return ("projektphase", ReportCsv.SnakeCase(p.Phase), "im_plan", p.ImPlan);
            yield return ("projektphase", ReportCsv.SnakeCase(p.Phase), "ueberfaellig", p.Ueberfaellig);
        }

        foreach (var f in k.Finanzierungen)
        {
            yield return ("finanzierung", ReportCsv.SnakeCase(f.Status), "finanzierungen", f.Finanzierungen);
            yield return ("finanzierung", ReportCsv.SnakeCase(f.Status), "projekte", f.Projekte);
            yield return ("finanzierung", ReportCsv.SnakeCase(f.Status), "betrag_cent", f.BetragCent);
        }

        foreach (var f in k.Fim)
        {
            yield return ("fim", ReportCsv.SnakeCase(f.Baustein), ReportCsv.SnakeCase(f.Status), f.Leistungen);
        }

        foreach (var e in k.Zustaendigkeitsebenen)
        {
            yield return ("zustaendigkeitsebene", ReportCsv.SnakeCase(e.Ebene), "leistungen", e.Leistungen);
        }
    }
}

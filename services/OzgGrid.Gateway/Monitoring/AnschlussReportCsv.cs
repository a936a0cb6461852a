using System.Globalization;
using AnschlussSchritt = OzgGrid.Grains.Abstractions.Anschluss.AnschlussSchritt;
using CsvHelper;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Reports;
using OzgGrid.Grains.Abstractions.Anschluss;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Monitoring;

/// <summary>
/// The Anschluss report as CSV, in the shape of <see cref="ReportCsv"/>: rows are added Land by Land in the order they
/// are read, then written as one table of the part asked for. Items and open steps are named in snake case
/// ("go_live_geplant"), as the ozgctl commands name them.
/// </summary>
public sealed class AnschlussReportCsv(DateOnly today)
{
    private static readonly AnschlussSchritt[] Schritte = Enum.GetValues<AnschlussSchritt>();

    private readonly List<object[]> _rows = [];

    public static string[] ChecklistenHeader { get; } =
        ["onlinedienst_id", "land", "kreis", "ags", "kommune", .. Schritte.Select(Name), "erledigt", "offen", "online", "ueberfaellig"];

    public static string[] FortschrittHeader { get; } =
        ["onlinedienst_id", "land", "kreis", "kommunen", "begonnen", "online", "ueberfaellig", .. Schritte.Select(Name)];

    public static string[] PrognoseHeader { get; } =
    [
        "ozg_id", "land", "zustaendige_kommunen", "online_kommunen", "fehlende_kommunen", "ueberfaellige_kommunen", "ohne_geplanten_go_live",
        "flaechendeckend", "flaechendeckend_ab", "fehlende",
    ];

    /// <param name="anschluss">As the register stands (<see cref="LandAnschluss.Following"/>).</param>
    public void Checklisten(LandAnschluss anschluss, KommunenRegister register)
    {
        foreach (var kommune in anschluss.Kommunen.Values)
        {
            _rows.Add(
            [
                anschluss.OnlinedienstId, anschluss.Land, AnschlussKeys.Kreis(kommune.Ags), kommune.Ags,
                register.Kommunen.GetValueOrDefault(kommune.Ags)?.Name ?? register.Retired.GetValueOrDefault(kommune.Ags)?.Kommune.Name ?? string.Empty,
                .. Schritte.Select(s => kommune.Punkte.GetValueOrDefault(s)?.Wert ?? string.Empty),
                kommune.Punkte.Count, kommune.ErsterOffenerSchritt is { } offen ? Name(offen) : string.Empty, kommune.IstOnline, kommune.IstUeberfaellig(today),
            ]);
        }
    }

    public void Fortschritt(string onlinedienstId, string land, AnschlussStand landStand, IEnumerable<KreisFortschritt> kreise)
    {
        _rows.Add(Stand(onlinedienstId, land, string.Empty, landStand));
        _rows.AddRange(kreise.Select(k => Stand(onlinedienstId, land, k.Kreis, k.Stand)));
    }

    public void Prognose(AnschlussPrognose prognose) => _rows.Add(
    [
        prognose.OzgId, prognose.Land, prognose.Zustaendige, prognose.Online, prognose.Fehlende.Length, prognose.Fehlende.Count(f => f.Ueberfaellig),
        prognose.OhneGeplantenGoLive, prognose.Flaechendeckend, AnschlussMapping.Day(prognose.FlaechendeckendAb), string.Join(' ', prognose.Fehlende.Select(f => f.Ags)),
    ]);

    public string Write(AnschlussReportTeil teil)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new ReportCsvWriter(text))
        {
            ReportCsv.WriteRows(csv, teil switch
            {
                AnschlussReportTeil.Checklisten => ChecklistenHeader,
                AnschlussReportTeil.Fortschritt => FortschrittHeader,
                _ => PrognoseHeader,
            }, _rows);
        }

        return text.ToString();
    }

    private static object[] Stand(string onlinedienstId, string land, string kreis, AnschlussStand stand) =>
    [
        onlinedienstId, land, kreis, stand.Kommunen, stand.Begonnen, stand.Online, stand.Ueberfaellig,
        .. Schritte.Select(s => (object)(stand.Schritte.FirstOrDefault(x => (int)x.Schritt == (int)s)?.Kommunen ?? 0)),
    ];

    private static string Name(AnschlussSchritt schritt) => ReportCsv.SnakeCase(schritt);
}

using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Themenfelder;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

/// <summary>Reads the programme figures (counters by key) into the structured report of the API.</summary>
public static class FiguresMapping
{
    private static readonly int[] Reifegrade = [.. Enumerable.Range(Reifegrad.Offline, Reifegrad.OnlineTransaktion + 1)];

    /// <summary>The Nachnutzung states between "kein Interesse" and "live": a Land on the way to reuse.</summary>
    private static readonly NachnutzungZustand[] InVorbereitung =
        [NachnutzungZustand.Interessenbekundung, NachnutzungZustand.Vertrag, NachnutzungZustand.Anbindung];

    public static IEnumerable<Proto.Figure> MapToProto(this IEnumerable<Figure> figures) =>
        figures.Select(f => new Proto.Figure { Key = f.Key, Value = f.Value });

    /// <param name="withProgrammeManagement">
    /// Fill in the EfA and overdue figures; false for figures as of a past moment, which are recounted from the
    /// Leistungen' histories and know nothing of them.
    /// </param>
    public static Proto.ProgrammeFigures MapToProgrammeFigures(
        this IReadOnlyDictionary<string, long> figures, ImmutableArray<ThemenfeldDetails> themenfelder, bool withProgrammeManagement = true)
    {
        long Get(string key) => figures.GetValueOrDefault(key);

        var programme = new Proto.ProgrammeFigures
        {
            Leistungen = Get(FigureKeys.Leistungen),
            OzgKonform = Get(FigureKeys.OzgKonform),
            Online = Get(FigureKeys.Online),
            ByReifegrad = { Reifegrade.Select(r => Count(r, Get(FigureKeys.Reifegrad(r)))) },
            ByPhase = { Enum.GetValues<Umsetzungsphase>().Select(p => Count(p, Get(FigureKeys.Phase(p)))) },
            Themenfelder =
            {
                themenfelder.Select(t => new Proto.ThemenfeldFigures
                {
                    ThemenfeldId = t.ThemenfeldId,
                    Name = t.Name,
                    Leistungen = Get(FigureKeys.Themenfeld(t.ThemenfeldId)),
                    OzgKonform = Reifegrade.Where(r => r >= Reifegrad.OzgKonformFrom).Sum(r => Get(FigureKeys.ThemenfeldReifegrad(t.ThemenfeldId, r))),
                    ByReifegrad = { Reifegrade.Select(r => Count(r, Get(FigureKeys.ThemenfeldReifegrad(t.ThemenfeldId, r)))) },
                    ByPhase = { Enum.GetValues<Umsetzungsphase>().Select(p => Count(p, Get(FigureKeys.ThemenfeldPhase(t.ThemenfeldId, p)))) },
                    Ueberfaellig = Get(ProgrammeFigureKeys.UeberfaelligThemenfeld(t.ThemenfeldId)),
                }),
            },
            Laender =
            {
                LaenderRegister.All.Select(land => new Proto.LandFigures
                {
                    Land = land.Kuerzel,
                    Name = land.Name,
                    ByVerfuegbarkeit =
                    {
                        Enum.GetValues<Verfuegbarkeit>().Select(v => new Proto.VerfuegbarkeitCount
                        {
                            Verfuegbarkeit = v.MapToProto(), Leistungen = Get(FigureKeys.LandVerfuegbarkeit(land.Kuerzel, v)),
                        }),
                    },
                    Flaechendeckend = Get(FigureKeys.LandFlaechendeckend(land.Kuerzel)),
                    InMindestensEinerKommune = Get(FigureKeys.LandInMindestensEinerKommune(land.Kuerzel)),
                    Ueberfaellig = Get(ProgrammeFigureKeys.UeberfaelligLand(land.Kuerzel)),
                    EfaBereitgestellt = Get(ProgrammeFigureKeys.Bereitgestellt(land.Kuerzel)),
                    EfaNachgenutzt = Get(ProgrammeFigureKeys.Nachgenutzt(land.Kuerzel)),
                    EfaNachnutzungInVorbereitung = InVorbereitung.Sum(zustand => Get(ProgrammeFigureKeys.LandNachnutzung(land.Kuerzel, zustand))),
                }),
            },
            Lagen =
            {
                themenfelder.SelectMany(t => t.Lagen.Select(lage => new Proto.LageFigures
                {
                    LageId = lage.LageId,
                    Name = lage.Name,
                    ThemenfeldId = t.ThemenfeldId,
                    Leistungen = Get(FigureKeys.Lage(lage.LageId)),
                    OzgKonform = Reifegrade.Where(r => r >= Reifegrad.OzgKonformFrom).Sum(r => Get(FigureKeys.LageReifegrad(lage.LageId, r))),
                    ByReifegrad = { Reifegrade.Select(r => Count(r, Get(FigureKeys.LageReifegrad(lage.LageId, r)))) },
                })).OrderBy(l => l.LageId),
            },
        };
        if (withProgrammeManagement)
        {
            programme.Efa = MapToEfaFigures(figures);
            programme.Ueberfaellig = MapToUeberfaelligFigures(figures);
        }

        return programme;
    }

    /// <summary>The EfA totals, and per Leistung its live Nachnutzer from the keys "efa/leistung/{ozgId}/nachnutzer".</summary>
    private static Proto.EfaFigures MapToEfaFigures(IReadOnlyDictionary<string, long> figures)
    {
        var perLeistung = figures
            .Select(figure => (OzgId: ProgrammeFigureKeys.NachnutzerOzgId(figure.Key), Nachnutzer: figure.Value))
            .Where(leistung => leistung.OzgId is not null && leistung.Nachnutzer > 0)
            .Select(leistung => new Proto.EfaLeistungFigures { OzgId = leistung.OzgId!.Value, Nachnutzer = leistung.Nachnutzer })
            .OrderBy(leistung => leistung.OzgId)
            .ToList();
        return new Proto.EfaFigures
        {
            Leistungen = figures.GetValueOrDefault(ProgrammeFigureKeys.EfaLeistungen),
            NachgenutzteLeistungen = perLeistung.Count,
            NachnutzungenLive = perLeistung.Sum(leistung => leistung.Nachnutzer),
            LeistungenNachgenutzt = { perLeistung },
        };
    }

    /// <summary>The overdue total, and per Beschluss from the keys "ueberfaellig/beschluss/{nummer}".</summary>
    private static Proto.UeberfaelligFigures MapToUeberfaelligFigures(IReadOnlyDictionary<string, long> figures) => new()
    {
        Leistungen = figures.GetValueOrDefault(ProgrammeFigureKeys.UeberfaelligLeistungen),
        Beschluesse =
        {
            figures
                .Select(figure => (Beschluss: ProgrammeFigureKeys.UeberfaelligBeschlussNummer(figure.Key), Leistungen: figure.Value))
                .Where(beschluss => beschluss.Beschluss is not null && beschluss.Leistungen > 0)
                .OrderBy(beschluss => beschluss.Beschluss, StringComparer.Ordinal)
                .Select(beschluss => new Proto.BeschlussCount { Beschluss = beschluss.Beschluss!, Leistungen = beschluss.Leistungen }),
        },
    };

    private static Proto.ReifegradCount Count(int reifegrad, long leistungen) => new() { Reifegrad = reifegrad, Leistungen = leistungen };

    private static Proto.PhaseCount Count(Umsetzungsphase phase, long leistungen) => new() { Phase = phase.MapToProto(), Leistungen = leistungen };
}

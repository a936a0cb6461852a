using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.Themenfelder;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Mapping;

/// <summary>Reads the programme figures (counters by key) into the structured report of the API.</summary>
public static class FiguresMapping
{
    private static readonly int[] Reifegrade = [.. Enumerable.Range(Reifegrad.Offline, Reifegrad.OnlineTransaktion + 1)];

    public static IEnumerable<Proto.Figure> MapToProto(this IEnumerable<Figure> figures) =>
        figures.Select(f => new Proto.Figure { Key = f.Key, Value = f.Value });

    public static Proto.ProgrammeFigures MapToProgrammeFigures(
        this IReadOnlyDictionary<string, long> figures, ImmutableArray<ThemenfeldDetails> themenfelder)
    {
        long Get(string key) => figures.GetValueOrDefault(key);

        return new Proto.ProgrammeFigures
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
    }

    private static Proto.ReifegradCount Count(int reifegrad, long leistungen) => new() { Reifegrad = reifegrad, Leistungen = leistungen };

    private static Proto.PhaseCount Count(Umsetzungsphase phase, long leistungen) => new() { Phase = phase.MapToProto(), Leistungen = leistungen };
}

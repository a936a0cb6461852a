using System.Collections.Immutable;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Themenfelder;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Tests.Mapping;

public sealed class FiguresMappingTests
{
    /// <summary>Seven Leistungen: four in Themenfeld 6 (Lagen 26 and 27), three in Themenfeld 2 (Lage 5).</summary>
    private static readonly Dictionary<string, long> Figures = new(StringComparer.Ordinal)
    {
        [FigureKeys.Leistungen] = 7,
        [FigureKeys.OzgKonform] = 3,
        [FigureKeys.Online] = 2,
        [FigureKeys.Reifegrad(0)] = 3,
        [FigureKeys.Reifegrad(1)] = 1,
        [FigureKeys.Reifegrad(3)] = 2,
        [FigureKeys.Reifegrad(4)] = 1,
        [FigureKeys.Phase(Umsetzungsphase.Vorbereitung)] = 4,
        [FigureKeys.Phase(Umsetzungsphase.RollOut)] = 3,
        [FigureKeys.Themenfeld(6)] = 4,
        [FigureKeys.ThemenfeldReifegrad(6, 0)] = 1,
        [FigureKeys.ThemenfeldReifegrad(6, 3)] = 2,
        [FigureKeys.ThemenfeldReifegrad(6, 4)] = 1,
        [FigureKeys.ThemenfeldPhase(6, Umsetzungsphase.RollOut)] = 3,
        [FigureKeys.ThemenfeldPhase(6, Umsetzungsphase.Vorbereitung)] = 1,
        [FigureKeys.Themenfeld(2)] = 3,
        [FigureKeys.ThemenfeldReifegrad(2, 0)] = 2,
        [FigureKeys.ThemenfeldReifegrad(2, 1)] = 1,
        [FigureKeys.ThemenfeldPhase(2, Umsetzungsphase.Vorbereitung)] = 3,
        [FigureKeys.Lage(26)] = 3,
        [FigureKeys.LageReifegrad(26, 3)] = 2,
        [FigureKeys.LageReifegrad(26, 4)] = 1,
        [FigureKeys.Lage(27)] = 1,
        [FigureKeys.LageReifegrad(27, 0)] = 1,
        [FigureKeys.Lage(5)] = 3,
        [FigureKeys.LageReifegrad(5, 0)] = 2,
        [FigureKeys.LageReifegrad(5, 1)] = 1,
        [FigureKeys.LandVerfuegbarkeit("NW", Verfuegbarkeit.Keine)] = 4,
        [FigureKeys.LandVerfuegbarkeit("NW", Verfuegbarkeit.Pilot)] = 1,
        [FigureKeys.LandVerfuegbarkeit("NW", Verfuegbarkeit.InMindestensEinerKommune)] = 1,
        [FigureKeys.LandVerfuegbarkeit("NW", Verfuegbarkeit.Flaechendeckend)] = 1,
        [FigureKeys.LandInMindestensEinerKommune("NW")] = 2,
        [FigureKeys.LandFlaechendeckend("NW")] = 1,
        [FigureKeys.LandVerfuegbarkeit("BY", Verfuegbarkeit.Keine)] = 7,
    };

    private static readonly ImmutableArray<ThemenfeldDetails> Themenfelder =
    [
        Themenfeld(6, "Familie & Kind", new LageSummary(27, "Kinderbetreuung", 1), new LageSummary(26, "Geburt", 3)),
        Themenfeld(2, "Bauen & Wohnen", new LageSummary(5, "Bauen", 3)),
    ];

    [Fact]
    public void The_headline_figures_are_read_from_their_keys()
    {
        var figures = Figures.MapToProgrammeFigures(Themenfelder);

        Assert.Equal(7, figures.Leistungen);
        Assert.Equal(3, figures.OzgKonform);
        Assert.Equal(2, figures.Online);
    }

    [Fact]
    public void The_reifegrade_0_to_4_are_listed_in_order_with_zeros_where_no_leistung_is()
    {
        var figures = Figures.MapToProgrammeFigures(Themenfelder);

        Assert.Equal<(int, long)>([(0, 3), (1, 1), (2, 0), (3, 2), (4, 1)], figures.ByReifegrad.Select(r => (r.Reifegrad, r.Leistungen)));
    }

    [Fact]
    public void Every_phase_is_listed_in_order_with_zeros_where_no_leistung_is()
    {
        var figures = Figures.MapToProgrammeFigures(Themenfelder);

        Assert.Equal<(Proto.Umsetzungsphase, long)>(
        [
            (Proto.Umsetzungsphase.Vorbereitung, 4), (Proto.Umsetzungsphase.Konzeption, 0), (Proto.Umsetzungsphase.Umsetzung, 0),
            (Proto.Umsetzungsphase.Pilotierung, 0), (Proto.Umsetzungsphase.RollOut, 3), (Proto.Umsetzungsphase.Regelbetrieb, 0),
        ], figures.ByPhase.Select(p => (p.Phase, p.Leistungen)));
    }

    [Fact]
    public void Each_themenfeld_gets_its_counts_and_ozg_konform_is_the_sum_of_reifegrad_3_and_4()
    {
        var figures = Figures.MapToProgrammeFigures(Themenfelder);

        Assert.Equal<int>([6, 2], figures.Themenfelder.Select(t => t.ThemenfeldId));
        var familie = figures.Themenfelder[0];
        Assert.Equal("Familie & Kind", familie.Name);
        Assert.Equal(4, familie.Leistungen);
        Assert.Equal(3, familie.OzgKonform);
        Assert.Equal<long>([1, 0, 0, 2, 1], familie.ByReifegrad.Select(r => r.Leistungen));
        Assert.Equal<int>([0, 1, 2, 3, 4], familie.ByReifegrad.Select(r => r.Reifegrad));
        Assert.Equal<long>([1, 0, 0, 0, 3, 0], familie.ByPhase.Select(p => p.Leistungen));
        var bauen = figures.Themenfelder[1];
        Assert.Equal(3, bauen.Leistungen);
        Assert.Equal(0, bauen.OzgKonform);
        Assert.Equal<long>([2, 1, 0, 0, 0], bauen.ByReifegrad.Select(r => r.Leistungen));
    }

    [Fact]
    public void All_16_laender_are_listed_in_register_order_with_all_four_verfuegbarkeiten()
    {
        var figures = Figures.MapToProgrammeFigures(Themenfelder);

        Assert.Equal(LaenderRegister.All.Select(l => (l.Kuerzel, l.Name)), figures.Laender.Select(l => (l.Land, l.Name)));
        Assert.Equal(16, figures.Laender.Count);
        Assert.All(figures.Laender, land => Assert.Equal<Proto.Verfuegbarkeit>(
            [Proto.Verfuegbarkeit.Keine, Proto.Verfuegbarkeit.Pilot, Proto.Verfuegbarkeit.InMindestensEinerKommune, Proto.Verfuegbarkeit.Flaechendeckend],
            land.ByVerfuegbarkeit.Select(v => v.Verfuegbarkeit)));
    }

    [Fact]
    public void A_land_gets_its_counts_per_verfuegbarkeit_and_the_kommune_figures()
    {
        var figures = Figures.MapToProgrammeFigures(Themenfelder);

        var nw = Assert.Single(figures.Laender, l => l.Land == "NW");
        Assert.Equal<long>([4, 1, 1, 1], nw.ByVerfuegbarkeit.Select(v => v.Leistungen));
        Assert.Equal(1, nw.Flaechendeckend);
        Assert.Equal(2, nw.InMindestensEinerKommune);
        var by = Assert.Single(figures.Laender, l => l.Land == "BY");
        Assert.Equal<long>([7, 0, 0, 0], by.ByVerfuegbarkeit.Select(v => v.Leistungen));
        Assert.Equal(0, by.InMindestensEinerKommune);
    }

    [Fact]
    public void The_lagen_of_all_themenfelder_are_listed_by_lage_id_with_their_themenfeld()
    {
        var figures = Figures.MapToProgrammeFigures(Themenfelder);

        Assert.Equal<(int, int, string)>(
            [(5, 2, "Bauen"), (26, 6, "Geburt"), (27, 6, "Kinderbetreuung")],
            figures.Lagen.Select(l => (l.LageId, l.ThemenfeldId, l.Name)));
        var geburt = figures.Lagen[1];
        Assert.Equal(3, geburt.Leistungen);
        Assert.Equal(3, geburt.OzgKonform);
        Assert.Equal<long>([0, 0, 0, 2, 1], geburt.ByReifegrad.Select(r => r.Leistungen));
        Assert.Equal(0, figures.Lagen[0].OzgKonform);
    }

    [Fact]
    public void No_figures_give_a_report_of_zeros_that_still_lists_everything()
    {
        var figures = new Dictionary<string, long>().MapToProgrammeFigures(Themenfelder);

        Assert.Equal(0, figures.Leistungen);
        Assert.Equal(5, figures.ByReifegrad.Count);
        Assert.All(figures.ByReifegrad, r => Assert.Equal(0, r.Leistungen));
        Assert.Equal(2, figures.Themenfelder.Count);
        Assert.Equal(16, figures.Laender.Count);
        Assert.Equal(3, figures.Lagen.Count);
    }

    [Fact]
    public void The_efa_figures_give_the_totals_each_reused_leistung_and_per_land_what_it_provides_and_reuses()
    {
        var figures = new Dictionary<string, long>(Figures)
        {
            [ProgrammeFigureKeys.EfaLeistungen] = 3,
            [ProgrammeFigureKeys.Nachnutzer(10400)] = 2,
            [ProgrammeFigureKeys.Nachnutzer(10000)] = 5,
            [ProgrammeFigureKeys.Bereitgestellt("HE")] = 2,
            [ProgrammeFigureKeys.Nachgenutzt("BY")] = 1,
            [ProgrammeFigureKeys.LandNachnutzung("BY", NachnutzungZustand.Live)] = 1,
            [ProgrammeFigureKeys.LandNachnutzung("BY", NachnutzungZustand.Vertrag)] = 2,
            [ProgrammeFigureKeys.LandNachnutzung("BY", NachnutzungZustand.Interessenbekundung)] = 1,
        }.MapToProgrammeFigures(Themenfelder);

        Assert.Equal((3, 2, 7), (figures.Efa.Leistungen, figures.Efa.NachgenutzteLeistungen, figures.Efa.NachnutzungenLive));
        Assert.Equal<(int, long)>([(10000, 5), (10400, 2)], figures.Efa.LeistungenNachgenutzt.Select(l => (l.OzgId, l.Nachnutzer)));
        Assert.Equal(2, figures.Laender.Single(l => l.Land == "HE").EfaBereitgestellt);
        var by = figures.Laender.Single(l => l.Land == "BY");
        Assert.Equal((0, 1, 3), (by.EfaBereitgestellt, by.EfaNachgenutzt, by.EfaNachnutzungInVorbereitung));
    }

    [Fact]
    public void The_overdue_figures_give_the_total_and_the_count_per_themenfeld_land_and_beschluss()
    {
        var figures = new Dictionary<string, long>(Figures)
        {
            [ProgrammeFigureKeys.UeberfaelligLeistungen] = 4,
            [ProgrammeFigureKeys.UeberfaelligThemenfeld(6)] = 3,
            [ProgrammeFigureKeys.UeberfaelligLand("NW")] = 2,
            [ProgrammeFigureKeys.UeberfaelligBeschluss("2022/23")] = 3,
            [ProgrammeFigureKeys.UeberfaelligBeschluss("2021/7")] = 1,
        }.MapToProgrammeFigures(Themenfelder);

        Assert.Equal(4, figures.Ueberfaellig.Leistungen);
        Assert.Equal<(string, long)>([("2021/7", 1), ("2022/23", 3)], figures.Ueberfaellig.Beschluesse.Select(b => (b.Beschluss, b.Leistungen)));
        Assert.Equal<long>([3, 0], figures.Themenfelder.Select(t => t.Ueberfaellig));
        Assert.Equal(2, figures.Laender.Single(l => l.Land == "NW").Ueberfaellig);
        Assert.Equal(0, figures.Laender.Single(l => l.Land == "BY").Ueberfaellig);
    }

    [Fact]
    public void Figures_as_of_a_past_moment_leave_out_the_programme_management_blocks()
    {
        var figures = Figures.MapToProgrammeFigures(Themenfelder, withProgrammeManagement: false);

        Assert.Null(figures.Efa);
        Assert.Null(figures.Ueberfaellig);
        Assert.NotNull(Figures.MapToProgrammeFigures(Themenfelder).Efa);
    }

    private static ThemenfeldDetails Themenfeld(int id, string name, params LageSummary[] lagen) =>
        new(id, name, null, [.. lagen], lagen.Sum(l => l.LeistungenCount), 1, new ChangeStamp("test", DateTimeOffset.UnixEpoch, "r"));
}

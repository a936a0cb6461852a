using OzgGrid.Gateway.Monitoring;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Tests.Monitoring;

public sealed class ReportCsvTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 1);

    private static readonly ProgrammeFigures Figures = new()
    {
        Themenfelder =
        {
            new ThemenfeldFigures
            {
                ThemenfeldId = 2, Name = "Bauen, Wohnen", Leistungen = 3, OzgKonform = 1,
                ByReifegrad = { Reifegrade(1, 1, 0, 1, 0) }, ByPhase = { Phasen(3, 0, 0, 0, 0, 0) },
            },
            new ThemenfeldFigures
            {
                ThemenfeldId = 6, Name = "Familie & Kind", Leistungen = 4, OzgKonform = 3,
                ByReifegrad = { Reifegrade(1, 0, 0, 2, 1) }, ByPhase = { Phasen(1, 0, 0, 0, 3, 0) },
            },
        },
        Laender =
        {
            new LandFigures { Land = "NW", Name = "Nordrhein-Westfalen", Flaechendeckend = 1, InMindestensEinerKommune = 2, ByVerfuegbarkeit = { Verfuegbarkeiten(4, 1, 1, 1) } },
            new LandFigures { Land = "TH", Name = "Thüringen", ByVerfuegbarkeit = { Verfuegbarkeiten(7, 0, 0, 0) } },
            new LandFigures { Land = "XX", Name = "Land \"Nord\", Süd", ByVerfuegbarkeit = { Verfuegbarkeiten(7, 0, 0, 0) } },
        },
        Lagen =
        {
            new LageFigures { LageId = 5, Name = "Bauen", ThemenfeldId = 2, Leistungen = 3, OzgKonform = 1, ByReifegrad = { Reifegrade(1, 1, 0, 1, 0) } },
            new LageFigures { LageId = 26, Name = "Geburt, Adoption", ThemenfeldId = 6, Leistungen = 3, OzgKonform = 3, ByReifegrad = { Reifegrade(0, 0, 0, 2, 1) } },
        },
    };

    [Fact]
    public void The_themenfelder_report_has_a_header_and_one_row_per_themenfeld()
    {
        var (fileName, csv) = ReportCsv.Write(ReportKind.Themenfelder, Figures, AsOf);

        Assert.Equal("ozg-themenfelder-2026-03-01.csv", fileName);
        Assert.Equal<string>(
        [
            "themenfeld_id,name,leistungen,ozg_konform,reifegrad_0,reifegrad_1,reifegrad_2,reifegrad_3,reifegrad_4,"
                + "phase_vorbereitung,phase_konzeption,phase_umsetzung,phase_pilotierung,phase_roll_out,phase_regelbetrieb",
            "2,\"Bauen, Wohnen\",3,1,1,1,0,1,0,3,0,0,0,0,0",
            "6,Familie & Kind,4,3,1,0,0,2,1,1,0,0,0,3,0",
        ], Lines(csv));
    }

    [Fact]
    public void The_laender_report_has_a_header_and_one_row_per_land()
    {
        var (fileName, csv) = ReportCsv.Write(ReportKind.Laender, Figures, AsOf);

        Assert.Equal("ozg-laender-2026-03-01.csv", fileName);
        Assert.Equal<string>(
        [
            "land,name,flaechendeckend,in_mindestens_einer_kommune,"
                + "verfuegbarkeit_keine,verfuegbarkeit_pilot,verfuegbarkeit_in_mindestens_einer_kommune,verfuegbarkeit_flaechendeckend",
            "NW,Nordrhein-Westfalen,1,2,4,1,1,1",
            "TH,Thüringen,0,0,7,0,0,0",
            "XX,\"Land \"\"Nord\"\", Süd\",0,0,7,0,0,0",
        ], Lines(csv));
    }

    [Fact]
    public void The_lagen_report_has_a_header_and_one_row_per_lage()
    {
        var (fileName, csv) = ReportCsv.Write(ReportKind.Lagen, Figures, AsOf);

        Assert.Equal("ozg-lagen-2026-03-01.csv", fileName);
        Assert.Equal<string>(
        [
            "lage_id,name,themenfeld_id,leistungen,ozg_konform,reifegrad_0,reifegrad_1,reifegrad_2,reifegrad_3,reifegrad_4",
            "5,Bauen,2,3,1,1,1,0,1,0",
            "26,\"Geburt, Adoption\",6,3,3,0,0,0,2,1",
        ], Lines(csv));
    }

    [Fact]
    public void A_report_of_the_current_figures_ends_with_the_overdue_and_EfA_columns_of_the_programme_management()
    {
        var current = Figures.Clone();
        current.Ueberfaellig = new UeberfaelligFigures();
        current.Efa = new EfaFigures();
        current.Themenfelder[1].Ueberfaellig = 2;
        current.Laender[0].Ueberfaellig = 3;
        current.Laender[0].EfaBereitgestellt = 4;
        current.Laender[0].EfaNachgenutzt = 5;
        current.Laender[0].EfaNachnutzungInVorbereitung = 6;

        var themenfelder = Lines(ReportCsv.Write(ReportKind.Themenfelder, current, AsOf).Csv);
        var laender = Lines(ReportCsv.Write(ReportKind.Laender, current, AsOf).Csv);

        Assert.EndsWith(",phase_regelbetrieb,ueberfaellig", themenfelder[0], StringComparison.Ordinal);
        Assert.Equal("6,Familie & Kind,4,3,1,0,0,2,1,1,0,0,0,3,0,2", themenfelder[2]);
        Assert.EndsWith(",verfuegbarkeit_flaechendeckend,ueberfaellig,efa_bereitgestellt,efa_nachgenutzt,efa_nachnutzung_in_vorbereitung", laender[0], StringComparison.Ordinal);
        Assert.Equal("NW,Nordrhein-Westfalen,1,2,4,1,1,1,3,4,5,6", laender[1]);
        Assert.Equal("TH,Thüringen,0,0,7,0,0,0,0,0,0,0", laender[2]);
    }

    [Fact]
    public void A_report_without_rows_still_has_its_header()
    {
        var (_, csv) = ReportCsv.Write(ReportKind.Lagen, new ProgrammeFigures(), AsOf);

        Assert.StartsWith("lage_id,", Assert.Single(Lines(csv)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_name_carries_the_date_of_the_figures()
    {
        var (fileName, _) = ReportCsv.Write(ReportKind.Themenfelder, Figures, new DateOnly(2025, 12, 31));

        Assert.Equal("ozg-themenfelder-2025-12-31.csv", fileName);
    }

    [Fact]
    public void An_unspecified_report_kind_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportCsv.Write(ReportKind.Unspecified, Figures, AsOf));
    }

    private static string[] Lines(string csv) => csv.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<ReifegradCount> Reifegrade(params long[] leistungen) =>
        leistungen.Select((count, reifegrad) => new ReifegradCount { Reifegrad = reifegrad, Leistungen = count });

    private static IEnumerable<PhaseCount> Phasen(params long[] leistungen) =>
        leistungen.Select((count, index) => new PhaseCount { Phase = (Umsetzungsphase)(index + 1), Leistungen = count });

    private static IEnumerable<VerfuegbarkeitCount> Verfuegbarkeiten(params long[] leistungen) =>
        leistungen.Select((count, index) => new VerfuegbarkeitCount { Verfuegbarkeit = (Verfuegbarkeit)(index + 1), Leistungen = count });
}

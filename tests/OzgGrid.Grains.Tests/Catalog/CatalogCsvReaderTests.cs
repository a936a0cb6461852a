using OzgGrid.Grains.Abstractions.Catalog;
using OzgGrid.Grains.Catalog;

namespace OzgGrid.Grains.Tests.Catalog;

public sealed class CatalogCsvReaderTests
{
    private const string Themenfelder = """
        themenfeld_id,name
        6,Familie & Kind
        8,Gesundheit
        """;

    private const string Lagen = """
        lage_id,themenfeld_id,name
        26,6,Geburt
        30,8,Pflege
        """;

    private const string Leistungen = """
        ozg_id,name,lage_id
        10000,Elterngeld,26
        10001,"Vaterschaft, Mutterschaft",26
        10002,Pflegegeld,30
        """;

    private const string Leika = """
        leika_key,name,ozg_id,leika_typ
        99041006000000,"Elterngeld, Bewilligung",10000,"1, 2/3"
        ,Vaterschaftsanerkennung,10001,2/3
        99041006013000,Fremd,19999,1
        99041006017000,Elterngeld Auszahlung,10000,2/3
        """;

    private const string Federfuehrungen = """
        themenfeld_id,bundesressort,laender,source
        6,BMFSFJ,HB;09,"test, with comma"
        """;

    [Fact]
    public void A_complete_small_catalogue_is_read_without_findings_but_the_quirks()
    {
        var data = Read(Files());

        Assert.Equal([6, 8], data.Themenfelder.Select(t => t.ThemenfeldId));
        Assert.Equal(2, data.LagenCount);
        Assert.Equal([10000, 10001, 10002], data.Leistungen.Select(l => l.OzgId));
        Assert.Equal<int>([10000, 10001], data.Themenfelder[0].LeistungIds);
        Assert.Equal<int>([10002], data.Themenfelder[1].LeistungIds);
        Assert.Equal(3, data.LeikaLeistungenCount);
        Assert.Equal(6, data.Leistungen[0].ThemenfeldId);
        Assert.Equal("Geburt", data.Leistungen[0].LageName);
        Assert.DoesNotContain(data.Findings, f => f.File != CatalogCsvReader.LeikaFile);
    }

    [Fact]
    public void A_leika_row_naming_an_unknown_ozg_id_is_reported_with_file_and_line_and_not_taken()
    {
        var data = Read(Files());

        var finding = Assert.Single(data.Findings, f => f.Message.Contains("19999", StringComparison.Ordinal));
        Assert.Equal(CatalogCsvReader.LeikaFile, finding.File);
        Assert.Equal(4, finding.Line);
        Assert.DoesNotContain(data.Leistungen.SelectMany(l => l.LeikaLeistungen), l => l.Key == "99041006013000");
        Assert.Equal(3, data.LeikaTypCounts.Values.Sum());
    }

    [Fact]
    public void A_leika_row_without_key_is_counted_and_kept()
    {
        var data = Read(Files());

        Assert.Equal(1, data.LeikaLeistungenWithoutKey);
        var kept = Assert.Single(data.Leistungen.Single(l => l.OzgId == 10001).LeikaLeistungen);
        Assert.Equal(string.Empty, kept.Key);
        Assert.Equal("Vaterschaftsanerkennung", kept.Name);
        Assert.Contains(data.Findings, f => f.File == CatalogCsvReader.LeikaFile
            && f.Message.StartsWith("1 LeiKa-Leistungen have no LeiKa key", StringComparison.Ordinal));
    }

    [Fact]
    public void Quoted_fields_with_commas_are_read_whole()
    {
        var data = Read(Files());

        Assert.Equal("Vaterschaft, Mutterschaft", data.Leistungen.Single(l => l.OzgId == 10001).Name);
        var elterngeld = data.Leistungen.Single(l => l.OzgId == 10000).LeikaLeistungen;
        Assert.Equal(["Elterngeld, Bewilligung", "Elterngeld Auszahlung"], elterngeld.Select(l => l.Name));
        Assert.Equal("1, 2/3", elterngeld[0].Typ);
        Assert.Equal(1, data.LeikaTypCounts["1, 2/3"]);
        Assert.Equal(2, data.LeikaTypCounts["2/3"]);
        var typ = Assert.Single(data.Findings, f => f.Message.Contains("'1, 2/3'", StringComparison.Ordinal));
        Assert.Equal(2, typ.Line);
    }

    [Fact]
    public void A_federfuehrung_takes_laender_by_kuerzel_or_code_and_reports_unknown_ones()
    {
        var files = Files();
        files[CatalogCsvReader.FederfuehrungFile] = """
            themenfeld_id,bundesressort,laender,source
            6,BMFSFJ,HB;09;XX,test
            99,BMG,NI,test
            """;

        var data = Read(files);

        var federfuehrung = Assert.Single(data.KnownFederfuehrungen);
        Assert.Equal(6, federfuehrung.Key);
        Assert.Equal("BMFSFJ", federfuehrung.Value.Bundesressort);
        Assert.Equal(["BY", "HB"], federfuehrung.Value.Laender);
        Assert.Contains(data.Findings, f => f == new ImportFinding(CatalogCsvReader.FederfuehrungFile, 2, "Unknown Land 'XX' left out of the Federführung of Themenfeld 6."));
        Assert.Contains(data.Findings, f => f.File == CatalogCsvReader.FederfuehrungFile && f.Line == 3);
    }

    [Fact]
    public void A_missing_file_is_reported_as_empty_and_the_rest_is_still_read()
    {
        var files = Files();
        files.Remove(CatalogCsvReader.FederfuehrungFile);

        var data = Read(files);

        Assert.Contains(new ImportFinding(CatalogCsvReader.FederfuehrungFile, 1, "The file is empty; nothing taken from it."), data.Findings);
        Assert.Empty(data.KnownFederfuehrungen);
        Assert.Equal(3, data.Leistungen.Length);
    }

    [Fact]
    public void Without_themenfelder_every_lage_is_reported_and_nothing_is_taken()
    {
        var files = Files();
        files.Remove(CatalogCsvReader.ThemenfelderFile);

        var data = Read(files);

        Assert.Contains(data.Findings, f => f.File == CatalogCsvReader.ThemenfelderFile && f.Message.Contains("empty", StringComparison.Ordinal));
        Assert.Equal(2, data.Findings.Count(f => f.File == CatalogCsvReader.LagenFile));
        Assert.Equal(3, data.Findings.Count(f => f.File == CatalogCsvReader.LeistungenFile));
        Assert.Empty(data.Themenfelder);
        Assert.Empty(data.Leistungen);
    }

    [Fact]
    public void A_repeated_ozg_id_is_reported_and_the_first_row_kept()
    {
        var files = Files();
        files[CatalogCsvReader.LeistungenFile] = Leistungen + "\n10000,Elterngeld Plus,26";

        var data = Read(files);

        Assert.Equal("Elterngeld", data.Leistungen.Single(l => l.OzgId == 10000).Name);
        var finding = Assert.Single(data.Findings, f => f.File == CatalogCsvReader.LeistungenFile);
        Assert.Equal(5, finding.Line);
        Assert.Contains("10000", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leika_key_that_is_not_14_digits_is_kept_and_reported()
    {
        var files = Files();
        files[CatalogCsvReader.LeikaFile] = Leika + "\n9904100600,Kurz,10002,4";

        var data = Read(files);

        Assert.Contains(data.Leistungen.Single(l => l.OzgId == 10002).LeikaLeistungen, l => l.Key == "9904100600");
        var finding = Assert.Single(data.Findings, f => f.Message.Contains("'9904100600'", StringComparison.Ordinal));
        Assert.Equal(6, finding.Line);
    }

    [Fact]
    public void A_row_without_a_numeric_key_is_reported_and_not_taken()
    {
        var files = Files();
        files[CatalogCsvReader.LagenFile] = Lagen + "\nabc,6,Ohne Nummer";

        var data = Read(files);

        Assert.Equal(2, data.LagenCount);
        var finding = Assert.Single(data.Findings, f => f.File == CatalogCsvReader.LagenFile);
        Assert.Equal(4, finding.Line);
    }

    private static Dictionary<string, string> Files() => new()
    {
        [CatalogCsvReader.ThemenfelderFile] = Themenfelder,
        [CatalogCsvReader.LagenFile] = Lagen,
        [CatalogCsvReader.LeistungenFile] = Leistungen,
        [CatalogCsvReader.LeikaFile] = Leika,
        [CatalogCsvReader.FederfuehrungFile] = Federfuehrungen,
    };

    /// <summary>Reads the given texts; a file not given reads as empty, as a missing file's content would.</summary>
    private static CatalogData Read(Dictionary<string, string> files) =>
        CatalogCsvReader.Read(name => new StringReader(files.GetValueOrDefault(name, string.Empty)));
}

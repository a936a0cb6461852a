using OzgGrid.Grains.Abstractions.Catalog;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Themenfelder;
using OzgGrid.Grains.Catalog;

namespace OzgGrid.Grains.Tests.Catalog;

/// <summary>
/// The shipped catalogue, imported once by the fixture. Only
/// <see cref="Importing_again_changes_nothing_and_keeps_status_zustaendigkeit_and_federfuehrung"/> writes, and it
/// touches only what no other test here reads (Leistung 10000's status and ownership, Themenfelder 4 and 6).
/// </summary>
[Collection(CatalogImportCollection.Name)]
public sealed class CatalogImporterTests(CatalogImportFixture fixture)
{
    private static readonly string CatalogDirectory = Path.Combine(AppContext.BaseDirectory, "data", "catalog");

    [Fact]
    public void The_import_takes_every_themenfeld_lage_leistung_and_leika_leistung_of_the_shipped_catalogue()
    {
        var report = fixture.FirstImport;

        Assert.Equal(14, report.Themenfelder);
        Assert.Equal(55, report.Lagen);
        Assert.Equal(557, report.Leistungen);
        Assert.Equal(5_223, report.LeikaLeistungen);
        Assert.Equal(426, report.LeikaLeistungenWithoutKey);
        Assert.Equal(557, report.LeistungenCreated);
        Assert.Equal(0, report.LeistungenChanged);
        Assert.Equal(0, report.LeistungenUnchanged);
        Assert.Equal(Enumerable.Range(1, 14), report.ThemenfeldIds);
        Assert.Equal(CatalogImportFixture.FirstImportBy, report.Stamp.ChangedBy);
    }

    [Fact]
    public void The_import_counts_the_leika_typen_as_the_data_has_them()
    {
        var counts = fixture.FirstImport.LeikaTypCounts;

        Assert.Equal(20, counts["1, 2/3"]);
        Assert.Equal(3_549, counts["2/3"]);
        Assert.Equal(955, counts["1"]);
        Assert.Equal(625, counts["4"]);
        Assert.Equal(42, counts["5"]);
        Assert.Equal(18, counts["2"]);
        Assert.Equal(5, counts["6"]);
        Assert.Equal(1, counts["1, 2"]);
        Assert.Equal(8, counts[string.Empty]);
        Assert.Equal(5_223, counts.Values.Sum());
    }

    [Fact]
    public void The_import_reports_the_non_standard_leika_typen_and_the_rows_without_key()
    {
        var leika = fixture.FirstImport.Findings.Where(f => f.File == CatalogCsvReader.LeikaFile).ToList();

        Assert.Contains(leika, f => f.Message.Contains("'1, 2/3' in 20 rows", StringComparison.Ordinal));
        Assert.Contains(leika, f => f.Message.Contains("'1, 2' in 1 rows", StringComparison.Ordinal));
        Assert.Contains(leika, f => f.Message.Contains("'2' in 18 rows", StringComparison.Ordinal));
        Assert.Contains(leika, f => f.Message.Contains("'6' in 5 rows", StringComparison.Ordinal));
        Assert.Contains(leika, f => f.Message.Contains("(empty) in 8 rows", StringComparison.Ordinal));
        Assert.Contains(leika, f => f.Message.StartsWith("426 LeiKa-Leistungen have no LeiKa key", StringComparison.Ordinal));
        Assert.DoesNotContain(leika, f => f.Message.Contains("'2/3' in", StringComparison.Ordinal));

        var firstMixedLine = File.ReadLines(Path.Combine(CatalogDirectory, CatalogCsvReader.LeikaFile))
            .Select((text, index) => (Text: text, Line: index + 1))
            .First(l => l.Text.EndsWith(",\"1, 2/3\"", StringComparison.Ordinal)).Line;
        Assert.Equal(firstMixedLine, leika.Single(f => f.Message.Contains("'1, 2/3'", StringComparison.Ordinal)).Line);
    }

    [Fact]
    public async Task The_catalogue_grain_remembers_the_import()
    {
        var catalog = fixture.Grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key);

        var last = await catalog.GetLastImportAsync();

        Assert.NotNull(last);
        Assert.Equal(14, last.Themenfelder);
        Assert.Equal(Enumerable.Range(1, 14), await catalog.GetThemenfeldIdsAsync());
    }

    [Fact]
    public async Task The_imported_catalogue_answers_catalogue_wide_queries()
    {
        var query = fixture.Grains.GetGrain<ICatalogQueryGrain>(ICatalogQueryGrain.Key);

        var themenfelder = await query.ListThemenfelderAsync();
        var firstPage = await query.QueryLeistungenAsync(new LeistungQuery(null, new LeistungFilter(), 0, 10));
        var familie = await query.QueryLeistungenAsync(new LeistungQuery(6, new LeistungFilter(LageId: 26), 0, 100));

        Assert.Equal(Enumerable.Range(1, 14), themenfelder.Select(t => t.ThemenfeldId));
        Assert.Equal(557, themenfelder.Sum(t => t.LeistungenCount));
        Assert.Equal(55, themenfelder.Sum(t => t.Lagen.Length));
        Assert.Equal(557, themenfelder.SelectMany(t => t.Lagen).Sum(l => l.LeistungenCount));
        Assert.Equal("Querschnitt", themenfelder[9].Name);
        Assert.True(new Federfuehrung(string.Empty, ["HE", "NW"]).SameAs(themenfelder[0].Federfuehrung));
        Assert.Null(themenfelder[1].Federfuehrung);
        Assert.Equal(557, firstPage.TotalCount);
        Assert.Equal(Enumerable.Range(10000, 10), firstPage.Leistungen.Select(l => l.OzgId));
        Assert.Contains(familie.Leistungen, l => l.OzgId == 10000 && l.Name == "Elterngeld");
        Assert.All(familie.Leistungen, l => Assert.Equal(26, l.LageId));
    }

    [Fact]
    public async Task An_imported_leistung_has_its_leika_leistungen()
    {
        var details = await fixture.Grains.GetGrain<ILeistungGrain>(10082).GetAsync();

        Assert.Contains(details.Catalog.LeikaLeistungen, l => l.Key == "99107002000000" && l.Typ == "1, 2/3");
        Assert.Equal(1, details.Version);
        Assert.Equal(CatalogImportFixture.FirstImportBy, details.LastChange.ChangedBy);
    }

    [Fact]
    public async Task Importing_again_changes_nothing_and_keeps_status_zustaendigkeit_and_federfuehrung()
    {
        var leistung = fixture.Grains.GetGrain<ILeistungGrain>(10000);
        await leistung.UpdateStatusAsync(
            WriteCommands.New(), new(Reifegrad.OnlineLeistung, Umsetzungsphase.Pilotierung, new("HB", Verfuegbarkeit.Pilot)));
        var owner = new Zustaendigkeit(new(UmsetzendeStelleArt.Land, "HB"), true, "Dataport", ["NI", "SH"]);
        var owned = await leistung.SetZustaendigkeitAsync(WriteCommands.New(), owner);
        var unknownLead = await fixture.Grains.GetGrain<IThemenfeldGrain>(4)
            .SetFederfuehrungAsync(WriteCommands.New(), new("BMI", ["BE"]));
        var replacedLead = await fixture.Grains.GetGrain<IThemenfeldGrain>(6)
            .SetFederfuehrungAsync(WriteCommands.New(), new("BMFSFJ", ["HB", "NW"]));
        var command = new WriteCommand($"second-import-{Guid.NewGuid()}", ExpectedVersion: null, "programm-management");

        var again = await fixture.Importer.ImportShippedAsync(command, CancellationToken.None);

        Assert.Equal(0, again.LeistungenCreated);
        Assert.Equal(0, again.LeistungenChanged);
        Assert.Equal(557, again.LeistungenUnchanged);
        var details = await leistung.GetAsync();
        Assert.Equal(owned.Version, details.Version);
        Assert.Equal(Reifegrad.OnlineLeistung, details.Status.Reifegrad);
        Assert.Equal(Umsetzungsphase.Pilotierung, details.Status.Phase);
        Assert.Equal(Verfuegbarkeit.Pilot, details.Status.VerfuegbarkeitIn("HB"));
        Assert.True(owner.SameAs(details.Zustaendigkeit));
        var vier = await fixture.Grains.GetGrain<IThemenfeldGrain>(4).GetAsync();
        var sechs = await fixture.Grains.GetGrain<IThemenfeldGrain>(6).GetAsync();
        Assert.True(unknownLead.Federfuehrung!.SameAs(vier.Federfuehrung));
        Assert.Equal(unknownLead.Version, vier.Version);
        Assert.True(replacedLead.Federfuehrung!.SameAs(sechs.Federfuehrung));
        Assert.Equal(replacedLead.Version, sechs.Version);

        var retried = await fixture.Importer.ImportShippedAsync(command, CancellationToken.None);

        Assert.Equal(again.Stamp, retried.Stamp);
        Assert.Equal(again.Stamp, (await fixture.Grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).GetLastImportAsync())?.Stamp);
    }
}

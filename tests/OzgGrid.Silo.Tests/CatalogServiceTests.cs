using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>The catalogue as loaded and imported again, over real gRPC. On each store: <see cref="AzuriteCatalogServiceTests"/>, <see cref="Postgres.PostgresCatalogServiceTests"/>.</summary>
public abstract class CatalogServiceTests(GatewayFixture fixture)
{
    [Fact]
    public async Task The_catalogue_loaded_on_first_start_has_the_real_counts_and_reports_its_quirks()
    {
        var import = (await fixture.Catalog.GetCatalogImportAsync(new GetCatalogImportRequest())).Import;

        Assert.Equal(KnownData.Themenfelder, import.Themenfelder);
        Assert.Equal(KnownData.Lagen, import.Lagen);
        Assert.Equal(KnownData.Leistungen, import.Leistungen);
        Assert.Equal(KnownData.LeikaLeistungen, import.LeikaLeistungen);
        Assert.Equal(KnownData.LeikaLeistungenWithoutKey, import.LeikaLeistungenWithoutKey);
        Assert.Equal(20, import.LeikaTypCounts["1, 2/3"]);
        Assert.Equal(KnownData.LeikaLeistungen, import.LeikaTypCounts.Values.Sum());
        Assert.Contains(import.Findings, f => f.File == "leika_leistungen.csv" && f.Message.Contains("'1, 2/3'"));
        Assert.Contains(import.Findings, f => f.Message.Contains($"{KnownData.LeikaLeistungenWithoutKey} LeiKa-Leistungen have no LeiKa key"));
    }

    [Fact]
    public async Task Importing_again_changes_no_status_or_ownership_and_a_retry_returns_the_same_report()
    {
        var ozgId = fixture.TakeOzgId();
        var status = await fixture.Leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
        {
            OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 3,
        });
        await fixture.Leistungen.SetZustaendigkeitAsync(new SetZustaendigkeitRequest
        {
            OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Zustaendigkeit = new Zustaendigkeit { Bundesressort = "BMAS" },
        });
        var request = new ImportCatalogRequest { RequestId = Guid.NewGuid().ToString() };

        var import = (await fixture.Catalog.ImportCatalogAsync(request)).Import;
        var retried = (await fixture.Catalog.ImportCatalogAsync(request)).Import;

        Assert.Equal(KnownData.Leistungen, import.LeistungenUnchanged);
        Assert.Equal(0, import.LeistungenCreated + import.LeistungenChanged);
        Assert.Equal(TestHost.ManagementSubject, import.ImportedBy);
        Assert.Equal(import, retried);
        var leistung = (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung;
        Assert.Equal(3, leistung.Status.Reifegrad);
        Assert.Equal("BMAS", leistung.Zustaendigkeit.Bundesressort);
        Assert.Equal(status.Version + 1, leistung.Version);
    }
}

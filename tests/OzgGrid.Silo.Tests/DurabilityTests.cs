using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

public sealed class DurabilityTests
{
    [Fact]
    public async Task An_acknowledged_write_survives_a_restart_of_the_host()
    {
        var scope = ClusterScope.CreateNew();
        const int ozgId = 10100;
        UpdateLeistungStatusResponse written;
        await using (var first = await TestHost.StartAsync(scope))
        {
            var client = new LeistungService.LeistungServiceClient(first.Channel);
            await new ItDienstleisterService.ItDienstleisterServiceClient(first.Channel).RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest
            {
                Id = "komm-one", RequestId = "register-1", Name = "Komm.ONE", Laender = { "BW", "SN" },
            });
            await client.SetZustaendigkeitAsync(new SetZustaendigkeitRequest
            {
                OzgId = ozgId, RequestId = "zust-1", Zustaendigkeit = new Zustaendigkeit { Land = "SN", ItDienstleister = "komm-one" },
            });
            written = await client.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
            {
                OzgId = ozgId, RequestId = "status-1", Reifegrad = 2, Phase = Umsetzungsphase.RollOut,
                Verfuegbarkeit = new LandVerfuegbarkeit { Land = "SN", Verfuegbarkeit = Verfuegbarkeit.Flaechendeckend },
            });
        }

        await using var second = await TestHost.StartAsync(scope);
        var reopened = new LeistungService.LeistungServiceClient(second.Channel);
        var leistung = (await reopened.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung;
        var changes = await reopened.ListLeistungChangesAsync(new ListLeistungChangesRequest { OzgId = ozgId });
        var retry = await reopened.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
        {
            OzgId = ozgId, RequestId = "status-1", Reifegrad = 2, Phase = Umsetzungsphase.RollOut,
            Verfuegbarkeit = new LandVerfuegbarkeit { Land = "SN", Verfuegbarkeit = Verfuegbarkeit.Flaechendeckend },
        });
        var import = (await new CatalogService.CatalogServiceClient(second.Channel).GetCatalogImportAsync(new GetCatalogImportRequest())).Import;

        Assert.Equal(written.Version, leistung.Version);
        Assert.Equal(written.Status, leistung.Status);
        Assert.Equal("komm-one", leistung.Zustaendigkeit.ItDienstleister);
        Assert.Equal([3L, 2L, 1L], changes.Changes.Select(c => c.Version));
        Assert.Equal(written, retry);
        Assert.Equal(KnownData.Leistungen, import.LeistungenCreated);
    }
}

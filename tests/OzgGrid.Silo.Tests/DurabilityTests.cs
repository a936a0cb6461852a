using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>Acknowledged writes, histories and replays across a restart of the host, on each store: <see cref="AzuriteDurabilityTests"/>, <see cref="Postgres.PostgresDurabilityTests"/>.</summary>
public abstract class DurabilityTests
{
    /// <summary>Settings that put the hosts on another store than the test Azurite.</summary>
    protected virtual string[] StoreSettings => [];

    [Fact]
    public async Task An_acknowledged_write_survives_a_restart_of_the_host()
    {
        var scope = ClusterScope.CreateNew();
        const int ozgId = 10100;
        UpdateLeistungStatusResponse written;
        await using (var first = await TestHost.StartAsync(scope, StoreSettings))
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

        await using var second = await TestHost.StartAsync(scope, StoreSettings);
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

    [Fact]
    public async Task A_history_of_many_changes_is_read_back_whole_after_a_restart_of_the_host()
    {
        var scope = ClusterScope.CreateNew();
        const int ozgId = 10200;
        const int updates = 40;
        var written = new List<UpdateLeistungStatusResponse>();
        await using (var first = await TestHost.StartAsync(scope, StoreSettings))
        {
            var client = new LeistungService.LeistungServiceClient(first.Channel);
            for (var i = 1; i <= updates; i++)
            {
                written.Add(await client.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
                {
                    OzgId = ozgId, RequestId = $"many-{i}", Reifegrad = i % 5,
                }));
            }
        }

        await using var second = await TestHost.StartAsync(scope, StoreSettings);
        var reopened = new LeistungService.LeistungServiceClient(second.Channel);
        var versions = new List<long>();
        var requestIds = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await reopened.ListLeistungChangesAsync(new ListLeistungChangesRequest { OzgId = ozgId, PageSize = 9, PageToken = token });
            versions.AddRange(page.Changes.Select(change => change.Version));
            requestIds.AddRange(page.Changes.Select(change => change.RequestId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        var asked = written[5];
        var asOf = await new MonitoringService.MonitoringServiceClient(second.Channel).GetLeistungAsOfAsync(
            new GetLeistungAsOfRequest { OzgId = ozgId, AsOf = asked.LastChange.ChangedAt });

        Assert.Equal(Enumerable.Range(1, updates + 1).Reverse().Select(version => (long)version), versions);
        Assert.Equal(Enumerable.Range(1, updates).Reverse().Select(i => $"many-{i}"), requestIds.Take(updates));
        Assert.Equal(written.Last(w => w.LastChange.ChangedAt.ToDateTimeOffset() <= asked.LastChange.ChangedAt.ToDateTimeOffset()).Version, asOf.Leistung.Version);
    }
}

using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Leistungen;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Tests.Storage;

/// <summary>
/// A record stores its state through the storage itself, not through Orleans' state bridge: the bridge yields to the
/// scheduler before every write, which cost each write a scheduled work item and a continuation per awaiting method.
/// </summary>
public sealed class RecordStateWriteTests(OutageClusterFixture fixture) : IClassFixture<OutageClusterFixture>
{
    private readonly TestCatalog _catalog = new(fixture.Grains);

    [Fact]
    public async Task A_status_update_is_stored_through_the_storage_itself_not_Orleans_state_bridge()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var storage = fixture.OutageOf(StorageNames.State);
        var bridged = storage.WritesThroughStateBridge(leistung.GetGrainId());

        var first = await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.Information, null, null));
        var second = await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.OnlineLeistung, Umsetzungsphase.Pilotierung, null));

        Assert.Equal(bridged, storage.WritesThroughStateBridge(leistung.GetGrainId()));
        Assert.Equal(first.Version + 1, second.Version);
        var stored = new GrainState<RecordState<LeistungBody, ChangeRecord>>();
        await storage.ReadStateAsync(LeistungGrain.Names.State, leistung.GetGrainId(), stored);
        Assert.Equal((second.Version, Reifegrad.OnlineLeistung), (stored.State!.Version, stored.State.Body!.Status.Reifegrad));
    }
}

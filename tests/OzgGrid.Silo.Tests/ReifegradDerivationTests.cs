using Grpc.Core;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// An OZG-Leistung's Reifegrad follows from its Onlinedienste (the highest level of those published and in use), is
/// written as OzgGrid through the Leistung's write path and reaches open WatchProgramme streams; without such an
/// Onlinedienst the hand-set Reifegrad stays, and a hand-set Reifegrad contradicting the derived one is refused.
/// On each store: <see cref="AzuriteReifegradDerivationTests"/>, <see cref="Postgres.PostgresReifegradDerivationTests"/>.
/// </summary>
public abstract class ReifegradDerivationTests(GatewayFixture fixture)
{
    private const string DerivedBy = "ozggrid-onlinedienste";

    private readonly LeistungService.LeistungServiceClient _leistungen = fixture.Leistungen;
    private readonly OnlinedienstSeed _seed = new(fixture.Host.Channel);

    [Fact]
    public async Task A_criterion_change_of_an_Onlinedienst_moves_its_Leistungs_Reifegrad_on_an_open_watch_stream()
    {
        var (ozgId, leikaKey) = await _seed.LeistungAsync(fixture.TakeOzgId);
        var dienst = await _seed.InUseAsync(KnownData.Dataport, leikaKey, stufe11: 2, stufe20: 3);
        var derived = await StatusEventuallyAsync(ozgId, s => s.ReifegradOnlinedienste == 1 && s.Reifegrad == 2, "Reifegrad 2 from one Onlinedienst");
        await using var watcher = StreamWatcher.Open(fixture.Monitoring, new WatchProgrammeRequest { OzgIds = { ozgId } });
        await watcher.ReadSnapshotAsync();

        await _seed.RateAsync(dienst, leikaKey, ReifegradModell.V11, stufe: 4, rated: 10);
        var changed = (await watcher.ReadUntilAsync(
            m => m.LeistungChanged?.Leistung.OzgId == ozgId && m.LeistungChanged.Leistung.Status.Reifegrad == 4, "the derived Reifegrad 4"))[^1].LeistungChanged;

        Assert.Equal(3, derived.Reifegrad20);
        Assert.Equal(1, changed.Leistung.Status.ReifegradOnlinedienste);
        Assert.Equal(3, changed.Leistung.Status.Reifegrad20);
        Assert.Equal(DerivedBy, changed.ChangedBy);
        Assert.Contains(changed.Fields, f => f.Field == "reifegrad" && f.Before == "2" && f.After == "4");
        var history = await _leistungen.ListLeistungChangesAsync(new ListLeistungChangesRequest { OzgId = ozgId });
        Assert.Contains(history.Changes, c => c.ChangedBy == DerivedBy && c.Fields.Any(f => f.Field == "reifegrad" && f.After == "4"));
    }

    [Fact]
    public async Task Unpublishing_or_emptying_the_Einsatzgebiet_falls_back_to_the_next_best_Onlinedienst_then_the_hand_set_Reifegrad()
    {
        var (ozgId, leikaKey) = await _seed.LeistungAsync(fixture.TakeOzgId);
        await _leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = NewId(), Reifegrad = 1 });
        var best = await _seed.InUseAsync(KnownData.Dataport, leikaKey, stufe11: 3, stufe20: 5);
        var next = await _seed.InUseAsync(KnownData.Dataport, leikaKey, stufe11: 2, stufe20: 6);
        var unpublished = await _seed.RegisterAsync(KnownData.Dataport);
        await _seed.RateAllAsync(unpublished, leikaKey, 4, 7);
        await _seed.EinsatzgebietAsync(unpublished, "SH");
        await StatusEventuallyAsync(ozgId, s => s is { Reifegrad: 3, ReifegradOnlinedienste: 2, Reifegrad20: 6 }, "3 (1.1) and 6 (2.0) from two Onlinedienste");

        await _seed.PublishAsync(best, veroeffentlicht: false);
        await StatusEventuallyAsync(ozgId, s => s is { Reifegrad: 2, ReifegradOnlinedienste: 1, Reifegrad20: 6 }, "2 from the next best Onlinedienst");

        await _seed.EinsatzgebietAsync(next);
        var handSet = await StatusEventuallyAsync(ozgId, s => s.ReifegradOnlinedienste == 0, "the hand-set Reifegrad again");
        Assert.Equal(1, handSet.Reifegrad);
        Assert.False(handSet.HasReifegrad20);
    }

    [Fact]
    public async Task A_hand_set_Reifegrad_other_than_the_derived_one_is_refused_naming_the_Onlinedienste()
    {
        var (ozgId, leikaKey) = await _seed.LeistungAsync(fixture.TakeOzgId);
        var dienst = await _seed.InUseAsync(KnownData.Dataport, leikaKey, stufe11: 2, stufe20: 2);
        await StatusEventuallyAsync(ozgId, s => s.ReifegradOnlinedienste == 1, "the derived Reifegrad");

        var refused = await Assert.ThrowsAsync<RpcException>(() => _leistungen.UpdateLeistungStatusAsync(
            new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = NewId(), Reifegrad = 4 }).ResponseAsync);
        var accepted = await _leistungen.UpdateLeistungStatusAsync(
            new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = NewId(), Reifegrad = 2, Phase = Umsetzungsphase.Umsetzung });

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains(dienst, refused.Status.Detail);
        Assert.Equal(2, accepted.Status.Reifegrad);
        Assert.Equal(Umsetzungsphase.Umsetzung, accepted.Status.Phase);
    }

    private async Task<LeistungStatus> StatusEventuallyAsync(int ozgId, Func<LeistungStatus, bool> holds, string expectation) =>
        await Eventually.ReturnsAsync(
            async () => (await _leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.Status, holds, expectation);

    private static string NewId() => Guid.NewGuid().ToString();
}

using System.Collections.Immutable;
using Orleans.Serialization;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Changes;
using OzgGrid.Grains.Leistungen;

namespace OzgGrid.Grains.Tests.Leistungen;

/// <summary>The packed form of a Leistung's remembered writes: everything comes back, within the capacity.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LeistungReceiptsTests(ClusterFixture fixture)
{
    private static readonly Zustaendigkeit Hessen = new(new UmsetzendeStelle(UmsetzendeStelleArt.Land, "HE"), true, "ekom21", ["RP", "SL"]);
    private static readonly Zustaendigkeit Bayern = new(new UmsetzendeStelle(UmsetzendeStelleArt.Land, "BY"), false, "AKDB", []);

    [Fact]
    public void Receipts_come_back_from_storage_with_their_request_ids_fingerprints_versions_and_Zustaendigkeiten()
    {
        var serializer = fixture.GetSiloService<Serializer>();
        LeistungWriteReceipt[] written =
        [
            new("vorher-1", 17, 3, null),
            new("Änderung-ü-€-2", -42, 4, Hessen),
            new(Guid.NewGuid().ToString(), long.MaxValue, 5, Hessen),
            new("", long.MinValue, 6, Bayern),
        ];
        var state = new LeistungState { Receipts = new LeistungReceipts([.. written]) };

        var back = serializer.Deserialize<LeistungState>(serializer.SerializeToArray(state))!.Receipts.All;

        Assert.Equal(written.Select(r => (r.RequestId, r.Fingerprint, r.Version)), back.Select(r => (r.RequestId, r.Fingerprint, r.Version)));
        Assert.Null(back[0].Zustaendigkeit);
        Assert.True(Hessen.SameAs(back[1].Zustaendigkeit));
        Assert.Same(back[1].Zustaendigkeit, back[2].Zustaendigkeit);
        Assert.True(Bayern.SameAs(back[3].Zustaendigkeit));
    }

    [Fact]
    public void Remembering_beyond_the_capacity_forgets_the_oldest_and_finds_the_rest()
    {
        var receipts = Enumerable.Range(1, WriteGuard.RecentWritesCapacity + 5)
            .Aggregate(LeistungReceipts.Empty, (all, i) => all.Remember(new LeistungWriteReceipt($"r-{i}", i, i, null)));

        Assert.Equal(WriteGuard.RecentWritesCapacity, receipts.All.Length);
        Assert.Null(receipts.Find("r-5"));
        Assert.Equal(6, receipts.Find("r-6")?.Version);
        Assert.Equal(WriteGuard.RecentWritesCapacity + 5, receipts.Find($"r-{WriteGuard.RecentWritesCapacity + 5}")?.Version);
        Assert.Equal(WriteGuard.RecentWritesCapacity, LeistungReceipts.Of(receipts.All.AddRange(receipts.All)).All.Length);
    }
}

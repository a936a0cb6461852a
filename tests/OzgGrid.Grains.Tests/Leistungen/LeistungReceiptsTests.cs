using System.Buffers.Binary;
using System.Text;
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

    private static readonly string[] RequestIds = ["vorher-1", "Änderung-ü-€-2", Guid.NewGuid().ToString(), ""];

    [Fact]
    public void Receipts_come_back_from_storage_findable_by_request_id_with_fingerprints_versions_and_Zustaendigkeiten()
    {
        var serializer = fixture.GetSiloService<Serializer>();
        LeistungWriteReceipt[] written =
        [
            new(LeistungReceipts.KeyOf(RequestIds[0]), 17, 3, null),
            new(LeistungReceipts.KeyOf(RequestIds[1]), -42, 4, Hessen),
            new(LeistungReceipts.KeyOf(RequestIds[2]), long.MaxValue, 5, Hessen),
            new(LeistungReceipts.KeyOf(RequestIds[3]), long.MinValue, 6, Bayern),
        ];
        var state = new LeistungState { Receipts = new LeistungReceipts([.. written]) };

        var back = serializer.Deserialize<LeistungState>(serializer.SerializeToArray(state))!.Receipts;

        Assert.Equal(written.Select(r => (r.RequestKey, r.Fingerprint, r.Version)), back.All.Select(r => (r.RequestKey, r.Fingerprint, r.Version)));
        Assert.Equal([3L, 4, 5, 6], RequestIds.Select(id => back.Find(id)?.Version));
        Assert.Null(back.Find("never-sent"));
        Assert.Null(back.All[0].Zustaendigkeit);
        Assert.True(Hessen.SameAs(back.All[1].Zustaendigkeit));
        Assert.Same(back.All[1].Zustaendigkeit, back.All[2].Zustaendigkeit);
        Assert.True(Bayern.SameAs(back.All[3].Zustaendigkeit));
    }

    [Fact]
    public void Receipts_the_previous_release_packed_with_their_request_ids_are_found_by_request_id()
    {
        Zustaendigkeit?[] zustaendigkeiten = [null, Hessen];
        var previous = new LeistungReceiptsSurrogate(
            Packed: [.. PackedAsBefore(0, 17, 3, RequestIds[0]), .. PackedAsBefore(1, -42, 4, RequestIds[1]), .. PackedAsBefore(1, 8, 5, RequestIds[3])],
            zustaendigkeiten,
            Keyed: null);

        var receipts = new LeistungReceiptsConverter().ConvertFromSurrogate(previous);

        Assert.Equal((3L, 17L), (receipts.Find(RequestIds[0])?.Version, receipts.Find(RequestIds[0])?.Fingerprint));
        Assert.Equal((4L, -42L), (receipts.Find(RequestIds[1])?.Version, receipts.Find(RequestIds[1])?.Fingerprint));
        Assert.Same(Hessen, receipts.Find(RequestIds[1])?.Zustaendigkeit);
        Assert.Equal(5L, receipts.Find(RequestIds[3])?.Version);
        Assert.Null(receipts.Find(RequestIds[2]));
    }

    [Fact]
    public void Stored_receipts_take_28_bytes_each_whatever_the_request_ids()
    {
        var receipts = Enumerable.Range(1, WriteGuard.RecentWritesCapacity)
            .Aggregate(LeistungReceipts.Empty, (all, i) => all.Remember(new LeistungWriteReceipt(LeistungReceipts.KeyOf($"{Guid.NewGuid()}-{Guid.NewGuid()}"), i, i, Hessen)));

        var stored = new LeistungReceiptsConverter().ConvertToSurrogate(receipts);

        Assert.Equal(28 * WriteGuard.RecentWritesCapacity, stored.Keyed?.Length);
        Assert.Null(stored.Packed);
        Assert.Single(stored.Zustaendigkeiten);
    }

    [Fact]
    public void Remembering_beyond_the_capacity_forgets_the_oldest_and_finds_the_rest()
    {
        var receipts = Enumerable.Range(1, WriteGuard.RecentWritesCapacity + 5)
            .Aggregate(LeistungReceipts.Empty, (all, i) => all.Remember(new LeistungWriteReceipt(LeistungReceipts.KeyOf($"r-{i}"), i, i, null)));

        Assert.Equal(WriteGuard.RecentWritesCapacity, receipts.All.Length);
        Assert.Null(receipts.Find("r-5"));
        Assert.Equal(6, receipts.Find("r-6")?.Version);
        Assert.Equal(WriteGuard.RecentWritesCapacity + 5, receipts.Find($"r-{WriteGuard.RecentWritesCapacity + 5}")?.Version);
        Assert.Equal(WriteGuard.RecentWritesCapacity, LeistungReceipts.Of(receipts.All.AddRange(receipts.All)).All.Length);
    }

    /// <summary>One receipt in the layout the previous release stored: index, fingerprint, version, then the request id's length and UTF-8.</summary>
    private static byte[] PackedAsBefore(int zustaendigkeit, long fingerprint, long version, string requestId)
    {
        var id = Encoding.UTF8.GetBytes(requestId);
        var packed = new byte[24 + id.Length];
        BinaryPrimitives.WriteInt32LittleEndian(packed, zustaendigkeit);
        BinaryPrimitives.WriteInt64LittleEndian(packed.AsSpan(4), fingerprint);
        BinaryPrimitives.WriteInt64LittleEndian(packed.AsSpan(12), version);
        BinaryPrimitives.WriteInt32LittleEndian(packed.AsSpan(20), id.Length);
        id.CopyTo(packed.AsSpan(24));
        return packed;
    }
}

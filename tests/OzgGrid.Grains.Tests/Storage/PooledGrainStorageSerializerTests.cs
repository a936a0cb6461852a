using System.Collections.Immutable;
using Orleans.Serialization;
using Orleans.Storage;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Leistungen;
using OzgGrid.Grains.Storage;

namespace OzgGrid.Grains.Tests.Storage;

/// <summary>State written by earlier releases (Orleans' own storage serializer) and by this one must be the same bytes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PooledGrainStorageSerializerTests(ClusterFixture fixture)
{
    [Fact]
    public void A_Leistung_state_is_written_byte_for_byte_as_Orleans_writes_it_and_reads_back_equal()
    {
        var serializer = fixture.GetSiloService<Serializer>();
        var state = SampleState();

        var pooled = new PooledGrainStorageSerializer(serializer).Serialize(state);
        var orleans = new OrleansGrainStorageSerializer(serializer).Serialize(state);

        Assert.Equal(orleans.ToArray(), pooled.ToArray());
        var back = new PooledGrainStorageSerializer(serializer).Deserialize<LeistungState>(pooled);
        Assert.Equal(12, back.UnsealedChanges.Count);
        Assert.Equal(LeistungReceipts.KeyOf("req-100"), back.Receipts.All[^1].RequestKey);
        Assert.Equal(pooled.ToArray(), new PooledGrainStorageSerializer(serializer).Serialize(back).ToArray());
    }

    private static LeistungState SampleState()
    {
        var stamp = new ChangeStamp("dataport", new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.Zero), "req-1");
        var changes = Enumerable.Range(1, 12)
            .Select(version => new ChangeRecord(version, ChangeKind.Status, stamp with { RequestId = $"req-{version}" },
                [new FieldChange("reifegrad", $"{version - 1}", $"{version}")]))
            .ToImmutableList();
        var receipts = Enumerable.Range(1, 100)
            .Select(i => new LeistungWriteReceipt(LeistungReceipts.KeyOf($"req-{i}"), Fingerprint: i * 7919L, Version: i, Zustaendigkeit: null))
            .ToImmutableArray();
        return new LeistungState { Version = 12, LastChange = stamp, UnsealedChanges = changes, Receipts = new LeistungReceipts(receipts), HistoryInPages = true };
    }
}

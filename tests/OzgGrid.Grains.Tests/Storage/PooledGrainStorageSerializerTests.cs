using System.Collections.Immutable;
using Orleans.Serialization;
using Orleans.Storage;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Leistungen;
using OzgGrid.Grains.Records;
using OzgGrid.Grains.Storage;

namespace OzgGrid.Grains.Tests.Storage;

/// <summary>
/// The stored form of a record: the same bytes as Orleans' own storage serializer writes, and a state stored by this
/// release (a checked-in fixture) still read as it was written, so a change of the stored form cannot slip in unnoticed.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PooledGrainStorageSerializerTests(ClusterFixture fixture)
{
    /// <summary>Written by this release's schema 2; regenerate only with a new schema (<see cref="StorageFixtures.RegenerateVariable"/>).</summary>
    private static readonly string FixturePath = StorageFixtures.PathOf("leistung-state-schema-2.bin");

    /// <summary>Written by the release before (schema 1: the newest changes not yet stored encoded); never regenerated.</summary>
    private static readonly string Schema1FixturePath = StorageFixtures.PathOf("leistung-state-schema-1.bin");

    [Fact]
    public void A_Leistung_state_is_written_byte_for_byte_as_Orleans_writes_it_and_reads_back_equal()
    {
        var serializer = fixture.GetSiloService<Serializer>();
        var state = SampleState();

        var pooled = new PooledGrainStorageSerializer(serializer).Serialize(state);
        var orleans = new OrleansGrainStorageSerializer(serializer).Serialize(state);

        Assert.Equal(orleans.ToArray(), pooled.ToArray());
        var back = new PooledGrainStorageSerializer(serializer).Deserialize<RecordState<LeistungBody, ChangeRecord>>(pooled);
        Assert.Equal(12, back.Unsealed.Count);
        Assert.Equal(100, back.Receipts.All.Length);
        Assert.Equal(pooled.ToArray(), new PooledGrainStorageSerializer(serializer).Serialize(back).ToArray());
    }

    [Fact]
    public void A_Leistung_state_stored_by_this_release_reads_back_whole()
    {
        var serializer = new PooledGrainStorageSerializer(fixture.GetSiloService<Serializer>());
        if (StorageFixtures.Regenerating)
        {
            StorageFixtures.Regenerate(Path.GetFileName(FixturePath), serializer.Serialize(SampleState()).ToArray());
        }

        var stored = serializer.Deserialize<RecordState<LeistungBody, ChangeRecord>>(new BinaryData(File.ReadAllBytes(FixturePath)));

        Assert.Equal(RecordState<LeistungBody, ChangeRecord>.CurrentSchema, stored.Schema);
        Assert.Null(stored.Schema1Unsealed);
        AssertSampleContent(stored);
        Assert.True(SampleCatalog.SameAs(stored.Body!.Catalog!));
        Assert.Null(stored.Body.Schema1Catalog);
    }

    [Fact]
    public void A_Leistung_state_stored_by_the_release_before_is_upgraded_whole()
    {
        var serializer = new PooledGrainStorageSerializer(fixture.GetSiloService<Serializer>());

        var stored = serializer.Deserialize<RecordState<LeistungBody, ChangeRecord>>(new BinaryData(File.ReadAllBytes(Schema1FixturePath)));
        var upgraded = stored.Upgraded();

        Assert.Equal((1, 12), (stored.Schema, stored.Schema1Unsealed!.Count));
        Assert.Equal(RecordState<LeistungBody, ChangeRecord>.CurrentSchema, upgraded.Schema);
        Assert.Null(upgraded.Schema1Unsealed);
        AssertSampleContent(upgraded);
        var again = serializer.Deserialize<RecordState<LeistungBody, ChangeRecord>>(serializer.Serialize(upgraded));
        AssertSampleContent(again);
    }

    [Fact]
    public void A_stored_change_is_encoded_once_and_its_bytes_reused_by_the_states_after()
    {
        var serializer = new PooledGrainStorageSerializer(fixture.GetSiloService<Serializer>());
        var state = SampleState();
        var first = serializer.Serialize(state).ToArray();

        // The next state shares the entries of the first: the entries encoded for the first are not encoded again.
        var encoded = state.Unsealed.Entries.Select(entry => entry.Bytes).ToList();
        var next = state with { Unsealed = state.Unsealed.Add(state.Unsealed[0]) };
        var second = serializer.Deserialize<RecordState<LeistungBody, ChangeRecord>>(serializer.Serialize(next));

        Assert.All(encoded, Assert.NotNull);
        Assert.Equal(encoded, next.Unsealed.Entries.Take(12).Select(entry => entry.Bytes));
        Assert.Equal(13, second.Unsealed.Count);
        Assert.Equal((state.Unsealed[0].Version, state.Unsealed[0].Stamp), (second.Unsealed[12].Version, second.Unsealed[12].Stamp));
        Assert.NotEmpty(first);
    }

    [Fact]
    public void Receipts_held_in_two_parts_are_stored_and_read_back_as_they_were()
    {
        var serializer = new PooledGrainStorageSerializer(fixture.GetSiloService<Serializer>());
        var receipts = WriteReceipts.Empty;
        for (var version = 1; version <= 123; version++)
        {
            receipts = receipts.Remember(new WriteReceipt(version * 31L, version * 17L, version));
        }

        var state = SampleState() with { Receipts = receipts };
        var back = serializer.Deserialize<RecordState<LeistungBody, ChangeRecord>>(serializer.Serialize(state));

        Assert.Equal((receipts.Older.Length, receipts.Recent.Length), (back.Receipts.Older.Length, back.Receipts.Recent.Length));
        Assert.Equal(receipts.All.ToArray(), back.Receipts.All.ToArray());
        Assert.True(receipts.SameAs(back.Receipts));
        Assert.Equal(new WriteReceipt(123 * 31L, 123 * 17L, 123), back.Receipts.Find(123 * 31L));
    }

    private static void AssertSampleContent(RecordState<LeistungBody, ChangeRecord> stored)
    {
        Assert.True(SampleState().Body!.Zustaendigkeit!.SameAs(stored.Body!.Zustaendigkeit));
        Assert.Equal((Reifegrad.OnlineLeistung, Umsetzungsphase.Vorbereitung), (stored.Body.Status.Reifegrad, stored.Body.Status.Phase));
        Assert.Equal(12, stored.Version);
        Assert.Equal(SampleState().LastChange, stored.LastChange);
        Assert.Equal(
            SampleState().Unsealed.Select(c => (c.Version, c.Stamp, c.Fields[0], c.StatusAfter!.Reifegrad, c.ZustaendigkeitAfter!.ItDienstleister)),
            stored.Unsealed.Select(c => (c.Version, c.Stamp, c.Fields[0], c.StatusAfter!.Reifegrad, c.ZustaendigkeitAfter!.ItDienstleister)));
        Assert.Equal(SampleState().Receipts.All.ToArray(), stored.Receipts.All.ToArray());
        Assert.Equal(3, stored.SealedPages);
    }

    /// <summary>Not in the schema 1 fixture (its body had no catalogue entry).</summary>
    private static readonly LeistungCatalogEntry SampleCatalog = new(
        1, "Elterngeld", 101, "Familie & Kind", 2, [new("99107002000000", "Elterngeld Bewilligung", "1, 2/3"), new("", "Elterngeld Auskunft", "2")]);

    private static RecordState<LeistungBody, ChangeRecord> SampleState()
    {
        var stamp = new ChangeStamp("dataport", new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.Zero), "req-1");
        var zustaendigkeit = new Zustaendigkeit(new UmsetzendeStelle(UmsetzendeStelleArt.Land, "HE"), true, "ekom21", ["BY"]);
        var changes = Enumerable.Range(1, 12)
            .Select(version => new ChangeRecord(version, ChangeKind.Status, stamp with { RequestId = $"req-{version}" },
                [new FieldChange("reifegrad", $"{version - 1}", $"{version}")], LeistungStatus.Initial, zustaendigkeit))
            .ToList();
        var receipts = Enumerable.Range(1, 100).Select(i => new WriteReceipt(RequestKey: i * 104_729L, Fingerprint: i * 7919L, Version: i));
        var body = new LeistungBody(SampleCatalog, zustaendigkeit, LeistungStatus.Initial with { Reifegrad = Reifegrad.OnlineLeistung });
        return new() { Body = body, Version = 12, LastChange = stamp, Unsealed = UnsealedChanges<ChangeRecord>.Empty.AddRange(changes), Receipts = new WriteReceipts([.. receipts]), SealedPages = 3 };
    }
}

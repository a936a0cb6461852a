using System.Collections.Immutable;
using Orleans.Serialization;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Leistungen;
using OzgGrid.Grains.Records;
using OzgGrid.Grains.Storage;

namespace OzgGrid.Grains.Tests.Storage;

/// <summary>
/// A sealed history page holds its changes as the record's state held them, encoded once; pages stored before, with
/// each change decoded, still read whole.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HistoryPageFormTests(ClusterFixture fixture)
{
    /// <summary>Written by the release before (each change decoded); never regenerated.</summary>
    private const string DecodedFixture = "leistung-history-page-decoded.bin";

    /// <summary>Written by this release; regenerate only when the form changes (<see cref="StorageFixtures.RegenerateVariable"/>).</summary>
    private const string EncodedFixture = "leistung-history-page-encoded.bin";

    [Fact]
    public void A_page_stored_by_the_release_before_reads_back_whole()
    {
        var page = Serializer().Deserialize<HistoryPage<ChangeRecord>>(new BinaryData(File.ReadAllBytes(StorageFixtures.PathOf(DecodedFixture))));

        Assert.Null(page.Encoded);
        AssertSampleContent(page.Changes);
    }

    [Fact]
    public void A_page_stored_by_this_release_reads_back_whole()
    {
        var serializer = Serializer();
        if (StorageFixtures.Regenerating)
        {
            StorageFixtures.Regenerate(EncodedFixture, serializer.Serialize(SealedPage()).ToArray());
        }

        var page = serializer.Deserialize<HistoryPage<ChangeRecord>>(new BinaryData(File.ReadAllBytes(StorageFixtures.PathOf(EncodedFixture))));

        Assert.Null(page.Decoded);
        AssertSampleContent(page.Changes);
    }

    [Fact]
    public void Sealing_a_page_copies_the_bytes_its_changes_were_encoded_to_while_unsealed()
    {
        var serializer = Serializer();
        var unsealed = UnsealedChanges<ChangeRecord>.Empty.AddRange(SampleChanges());

        // The record's state stores its unsealed changes with every write; the page seals those same entries.
        serializer.Serialize(new RecordState<LeistungBody, ChangeRecord> { Unsealed = unsealed });
        var encoded = unsealed.Entries.Select(entry => entry.Bytes).ToList();
        var stored = serializer.Serialize(new HistoryPage<ChangeRecord> { Encoded = unsealed });

        Assert.All(encoded, Assert.NotNull);
        Assert.Equal(encoded, unsealed.Entries.Select(entry => entry.Bytes));
        Assert.All(encoded, bytes => Assert.True(stored.ToArray().AsSpan().IndexOf(bytes) >= 0, "the page holds each change's bytes as they were"));
        AssertSampleContent(serializer.Deserialize<HistoryPage<ChangeRecord>>(stored).Changes);
    }

    private static HistoryPage<ChangeRecord> SealedPage() => new() { Encoded = UnsealedChanges<ChangeRecord>.Empty.AddRange(SampleChanges()) };

    private static void AssertSampleContent(ImmutableList<ChangeRecord> changes) =>
        Assert.Equal(
            SampleChanges().Select(c => (c.Version, c.Kind, c.Stamp, c.Fields.Single(), c.StatusAfter!.Reifegrad, c.ZustaendigkeitAfter!.ItDienstleister)),
            changes.Select(c => (c.Version, c.Kind, c.Stamp, c.Fields.Single(), c.StatusAfter!.Reifegrad, c.ZustaendigkeitAfter!.ItDienstleister)));

    /// <summary>Page 1 of a Leistung's history (versions 17–32), as both fixtures hold it.</summary>
    private static ImmutableList<ChangeRecord> SampleChanges()
    {
        var zustaendigkeit = new Zustaendigkeit(new UmsetzendeStelle(UmsetzendeStelleArt.Land, "HE"), true, "ekom21", ["BY"]);
        return [.. Enumerable.Range(HistoryPaging.PageSize + 1, HistoryPaging.PageSize).Select(version => new ChangeRecord(
            version,
            ChangeKind.Status,
            new ChangeStamp("dataport", new DateTimeOffset(2026, 6, 30, 12, version, 0, TimeSpan.Zero), $"req-{version}"),
            [new FieldChange("reifegrad", $"{version % 5}", $"{(version + 1) % 5}")],
            LeistungStatus.Initial with { Reifegrad = (version + 1) % 5 },
            zustaendigkeit))];
    }

    private PooledGrainStorageSerializer Serializer() => new(fixture.GetSiloService<Serializer>());
}

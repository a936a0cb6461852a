using Orleans.Serialization;
using Orleans.Storage;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Leistungen;
using OzgGrid.Grains.Records;
using OzgGrid.Grains.Storage;

namespace OzgGrid.Grains.Tests.Storage;

/// <summary>The memory storage of a single silo keeps what durable storage keeps, and refuses writes from a stale copy as it does.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LocalMemoryGrainStorageTests(ClusterFixture fixture)
{
    private static readonly GrainId Leistung = GrainId.Create("leistung", "1042");

    [Fact]
    public async Task A_written_state_reads_back_equal_with_its_ETag()
    {
        var storage = NewStorage();
        var written = new GrainState<RecordState<LeistungBody, ChangeRecord>>(SampleState(version: 3));
        await storage.WriteStateAsync("leistung", Leistung, written);

        var read = new GrainState<RecordState<LeistungBody, ChangeRecord>>(new RecordState<LeistungBody, ChangeRecord>());
        await storage.ReadStateAsync("leistung", Leistung, read);

        Assert.True(read.RecordExists);
        Assert.NotNull(read.ETag);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(3, read.State!.Version);
        Assert.Equal("req-3", read.State.LastChange?.RequestId);
        Assert.NotSame(written.State, read.State);
    }

    [Fact]
    public async Task Nothing_stored_reads_as_no_record_and_other_names_and_grains_stay_apart()
    {
        var storage = NewStorage();
        await storage.WriteStateAsync("leistung", Leistung, new GrainState<RecordState<LeistungBody, ChangeRecord>>(SampleState(version: 1)));

        var otherGrain = new GrainState<RecordState<LeistungBody, ChangeRecord>>(new RecordState<LeistungBody, ChangeRecord>());
        await storage.ReadStateAsync("leistung", GrainId.Create("leistung", "1043"), otherGrain);
        var otherName = new GrainState<RecordState<LeistungBody, ChangeRecord>>(new RecordState<LeistungBody, ChangeRecord>());
        await storage.ReadStateAsync("history", Leistung, otherName);

        Assert.False(otherGrain.RecordExists);
        Assert.Null(otherGrain.ETag);
        Assert.False(otherName.RecordExists);
    }

    [Fact]
    public async Task A_write_from_a_stale_copy_is_refused_and_the_newer_state_kept()
    {
        var storage = NewStorage();
        var first = new GrainState<RecordState<LeistungBody, ChangeRecord>>(SampleState(version: 1));
        await storage.WriteStateAsync("leistung", Leistung, first);
        var stale = new GrainState<RecordState<LeistungBody, ChangeRecord>>(SampleState(version: 1)) { ETag = first.ETag };
        await storage.WriteStateAsync("leistung", Leistung, new GrainState<RecordState<LeistungBody, ChangeRecord>>(SampleState(version: 2)) { ETag = first.ETag });

        stale.State = SampleState(version: 5);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("leistung", Leistung, stale));
        var fresh = new GrainState<RecordState<LeistungBody, ChangeRecord>>(SampleState(version: 9));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("leistung", Leistung, fresh));

        var read = new GrainState<RecordState<LeistungBody, ChangeRecord>>(new RecordState<LeistungBody, ChangeRecord>());
        await storage.ReadStateAsync("leistung", Leistung, read);
        Assert.Equal(2, read.State!.Version);
    }

    [Fact]
    public async Task A_cleared_state_is_gone_and_a_stale_copy_cannot_clear()
    {
        var storage = NewStorage();
        var state = new GrainState<RecordState<LeistungBody, ChangeRecord>>(SampleState(version: 1));
        await storage.WriteStateAsync("leistung", Leistung, state);
        var stale = new GrainState<RecordState<LeistungBody, ChangeRecord>>(state.State) { ETag = "0" };

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("leistung", Leistung, stale));
        await storage.ClearStateAsync("leistung", Leistung, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        var read = new GrainState<RecordState<LeistungBody, ChangeRecord>>(new RecordState<LeistungBody, ChangeRecord>());
        await storage.ReadStateAsync("leistung", Leistung, read);
        Assert.False(read.RecordExists);
    }

    private LocalMemoryGrainStorage NewStorage() =>
        new("state", new PooledGrainStorageSerializer(fixture.GetSiloService<Serializer>()));

    private static RecordState<LeistungBody, ChangeRecord> SampleState(long version) => new()
    {
        Body = LeistungBody.Empty,
        Version = version,
        LastChange = new ChangeStamp("dataport", new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.Zero), $"req-{version}"),
    };
}

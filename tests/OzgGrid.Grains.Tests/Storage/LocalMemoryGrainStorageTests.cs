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

    [Fact]
    public async Task Reads_during_writes_always_see_a_whole_state_though_replaced_bytes_are_reused()
    {
        // Each write hands the bytes it replaces back to the pool, where the next write of another grain takes them:
        // a read must never decode bytes that are being overwritten. States of varying size make the buffers move.
        var storage = NewStorage();
        var grains = Enumerable.Range(0, 8).Select(i => GrainId.Create("leistung", $"{2000 + i}")).ToArray();
        const int versions = 400;
        using var writing = new CancellationTokenSource();
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = 0;
        var readers = Enumerable.Range(0, 2).Select(reader => Task.Run(async () =>
        {
            // Until the writers are done, and at least a few hundred reads each, however the threads are scheduled.
            for (var done = 0; !writing.IsCancellationRequested || done < 300; done++)
            {
                var read = new GrainState<RecordState<LeistungBody, ChangeRecord>>(new RecordState<LeistungBody, ChangeRecord>());
                await storage.ReadStateAsync("leistung", grains[(done + reader) % grains.Length], read);
                if (read.RecordExists)
                {
                    var version = read.State!.Version;
                    Assert.InRange(version, 1, versions);
                    Assert.Equal(RequestId(version, (int)(version * 37 % 3000)), read.State.LastChange?.RequestId);
                }

                Interlocked.Increment(ref reads);
                reading.TrySetResult();
            }
        })).ToArray();
        await reading.Task;
        var writers = grains.Select(grain => Task.Run(async () =>
        {
            var state = new GrainState<RecordState<LeistungBody, ChangeRecord>>(SampleState(version: 1, padding: 1));
            for (var version = 1; version <= versions; version++)
            {
                state.State = SampleState(version, padding: version * 37 % 3000);
                await storage.WriteStateAsync("leistung", grain, state);
            }
        })).ToArray();

        await Task.WhenAll(writers);
        await writing.CancelAsync();
        await Task.WhenAll(readers);

        Assert.True(reads >= 600);
        foreach (var grain in grains)
        {
            var read = new GrainState<RecordState<LeistungBody, ChangeRecord>>(new RecordState<LeistungBody, ChangeRecord>());
            await storage.ReadStateAsync("leistung", grain, read);
            Assert.Equal(versions, read.State!.Version);
        }
    }

    [Fact]
    public async Task A_state_larger_than_the_pooled_buffers_reads_back_whole()
    {
        var storage = NewStorage();
        var large = new GrainState<RecordState<LeistungBody, ChangeRecord>>(SampleState(version: 7, padding: 100_000));
        await storage.WriteStateAsync("leistung", Leistung, large);
        await storage.WriteStateAsync("leistung", Leistung, new GrainState<RecordState<LeistungBody, ChangeRecord>>(SampleState(version: 8, padding: 10)) { ETag = large.ETag });
        var small = new GrainState<RecordState<LeistungBody, ChangeRecord>>(new RecordState<LeistungBody, ChangeRecord>());
        await storage.ReadStateAsync("leistung", Leistung, small);

        Assert.Equal(RequestId(8, 10), small.State!.LastChange?.RequestId);
        await storage.WriteStateAsync("leistung", Leistung, new GrainState<RecordState<LeistungBody, ChangeRecord>>(SampleState(version: 9, padding: 100_000)) { ETag = small.ETag });
        var read = new GrainState<RecordState<LeistungBody, ChangeRecord>>(new RecordState<LeistungBody, ChangeRecord>());
        await storage.ReadStateAsync("leistung", Leistung, read);
        Assert.Equal(RequestId(9, 100_000), read.State!.LastChange?.RequestId);
    }

    private LocalMemoryGrainStorage NewStorage() =>
        new("state", fixture.GetSiloService<Serializer>());

    private static RecordState<LeistungBody, ChangeRecord> SampleState(long version, int padding = 0) => new()
    {
        Body = LeistungBody.Empty,
        Version = version,
        LastChange = new ChangeStamp("dataport", new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.Zero), RequestId(version, padding)),
    };

    private static string RequestId(long version, int padding) => padding == 0 ? $"req-{version}" : $"req-{version}-{new string((char)('a' + (version % 26)), padding)}";
}

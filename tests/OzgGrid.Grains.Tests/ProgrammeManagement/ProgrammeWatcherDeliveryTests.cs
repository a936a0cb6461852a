using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.Tests.ProgrammeManagement;

/// <summary>The figures grain tells its watchers without waiting for them: a watcher that hangs holds up no write.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ProgrammeWatcherDeliveryTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_watcher_that_hangs_holds_up_neither_the_figures_grain_nor_the_writes_and_is_not_dropped_for_it()
    {
        var figures = fixture.Grains.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key);
        var hanging = new HangingProgrammeObserver();
        var reference = fixture.Cluster.Client.CreateObjectReference<IProgrammeEventObserver>(hanging);
        await figures.SubscribeAsync(reference);
        try
        {
            var leistung = await new TestCatalog(fixture.Grains).AddLeistungAsync();
            var efa = fixture.Grains.GetGrain<INachnutzungGrain>(leistung.GetPrimaryKeyLong());
            await efa.SetUmsetzungslandAsync(WriteCommands.New(), "HB");
            var first = await hanging.First;

            // The watcher still hangs on the first event: the next write and the grain's next event do not wait for it.
            await efa.SetZustandAsync(WriteCommands.New(), "SL", NachnutzungZustand.Live, overrideByManagement: true).WaitAsync(Deadline);
            await Poll.UntilAsync(figures.GetSnapshotAsync, snapshot => snapshot.Sequence > first.Sequence, "the next event counted", Deadline);
            hanging.Release();

            // Kept as a watcher (not judged by how long it took): it gets the next event once it reads again.
            var next = await hanging.NextAsync();
            Assert.True(next.Sequence > first.Sequence);
        }
        finally
        {
            hanging.Release();
            await figures.UnsubscribeAsync(reference);
            fixture.Cluster.Client.DeleteObjectReference<IProgrammeEventObserver>(reference);
        }
    }
}

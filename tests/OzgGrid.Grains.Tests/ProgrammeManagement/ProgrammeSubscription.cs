using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.Tests.ProgrammeManagement;

/// <summary>A <see cref="ProgrammeEventCollector"/> subscribed to the figures grain for the duration of a test.</summary>
public sealed class ProgrammeSubscription : IAsyncDisposable
{
    private readonly IProgrammeFiguresGrain _figures;
    private readonly IProgrammeEventObserver _reference;

    private ProgrammeSubscription(IProgrammeFiguresGrain figures, IProgrammeEventObserver reference, ProgrammeEventCollector events)
    {
        _figures = figures;
        _reference = reference;
        Events = events;
    }

    public ProgrammeEventCollector Events { get; }

    public static async Task<ProgrammeSubscription> StartAsync(ClusterFixture fixture)
    {
        var events = new ProgrammeEventCollector();
        var reference = fixture.Cluster.Client.CreateObjectReference<IProgrammeEventObserver>(events);
        var figures = fixture.Grains.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key);
        await figures.SubscribeAsync(reference);
        return new ProgrammeSubscription(figures, reference, events);
    }

    public async ValueTask DisposeAsync() => await _figures.UnsubscribeAsync(_reference);
}

using System.Threading.Channels;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.Tests.ProgrammeManagement;

/// <summary>A watcher of the programme-management events that tests subscribe and read from, with a deadline.</summary>
public sealed class ProgrammeEventCollector : IProgrammeEventObserver
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly Channel<ProgrammeEvent> _events = Channel.CreateUnbounded<ProgrammeEvent>();

    public Task OnEventAsync(ProgrammeEvent programmeEvent)
    {
        _events.Writer.TryWrite(programmeEvent);
        return Task.CompletedTask;
    }

    /// <summary>The first event that satisfies <paramref name="wanted"/>; fails after a deadline saying what was expected.</summary>
    public async Task<ProgrammeEvent> NextAsync(Func<ProgrammeEvent, bool> wanted, string expectation)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        try
        {
            while (true)
            {
                var next = await _events.Reader.ReadAsync(timeout.Token);
                if (wanted(next))
                {
                    return next;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Expected {expectation} within {Deadline}.");
        }
    }
}

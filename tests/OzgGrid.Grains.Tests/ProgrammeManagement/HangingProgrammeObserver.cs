using System.Threading.Channels;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.Tests.ProgrammeManagement;

/// <summary>A watcher whose first event does not return until the test releases it: a client that has stopped reading.</summary>
public sealed class HangingProgrammeObserver : IProgrammeEventObserver
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ProgrammeEvent> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<ProgrammeEvent> _later = Channel.CreateUnbounded<ProgrammeEvent>();

    /// <summary>The first event, once it arrived (its call is still hanging).</summary>
    public Task<ProgrammeEvent> First => _first.Task.WaitAsync(Deadline);

    public async Task OnEventAsync(ProgrammeEvent programmeEvent)
    {
        if (_first.TrySetResult(programmeEvent))
        {
            await _released.Task;
            return;
        }

        _later.Writer.TryWrite(programmeEvent);
    }

    public void Release() => _released.TrySetResult();

    /// <summary>The next event after the first; fails after a deadline.</summary>
    public async Task<ProgrammeEvent> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Deadline);
        return await _later.Reader.ReadAsync(timeout.Token);
    }
}

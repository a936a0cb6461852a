namespace OzgGrid.Grains.Abstractions.ProgrammeManagement;

/// <summary>A watcher of the programme-management events (one per open stream).</summary>
public interface IProgrammeEventObserver : IGrainObserver
{
    Task OnEventAsync(ProgrammeEvent programmeEvent);
}

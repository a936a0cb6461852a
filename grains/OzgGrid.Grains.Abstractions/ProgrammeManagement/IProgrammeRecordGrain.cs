using Orleans.Concurrency;

namespace OzgGrid.Grains.Abstractions.ProgrammeManagement;

/// <summary>What every programme-management record offers besides its own writes: its history.</summary>
public interface IProgrammeRecordGrain : IGrain
{
    /// <summary>
    /// Changes newest first, starting below <paramref name="beforeVersion"/> (null: from the newest). Interleaves with a
    /// write under way: it pages through the history as last persisted, so a long read never holds a writer.
    /// </summary>
    [AlwaysInterleave]
    Task<ProgrammeChangePage> GetChangesAsync(long? beforeVersion, int limit);
}

namespace OzgGrid.Grains.Abstractions.ProgrammeManagement;

/// <summary>What every programme-management record offers besides its own writes: its history.</summary>
public interface IProgrammeRecordGrain : IGrain
{
    /// <summary>Changes newest first, starting below <paramref name="beforeVersion"/> (null: from the newest).</summary>
    Task<ProgrammeChangePage> GetChangesAsync(long? beforeVersion, int limit);
}

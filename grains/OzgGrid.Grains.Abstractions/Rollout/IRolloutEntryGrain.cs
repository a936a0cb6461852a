using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Abstractions.Rollout;

/// <summary>
/// The rollout of one Leistung in one Kommune, keyed "{ozgId}/{ags}" (see <see cref="RolloutKeys"/>). Called by the
/// Land's <see cref="ILandRolloutGrain"/>, which checks the caller and the register and keeps the Land's count.
/// </summary>
public interface IRolloutEntryGrain : IGrainWithStringKey
{
    /// <summary>Applies the report (persisted before it answers); a retry with the same request id gets the same answer.</summary>
    Task<RolloutEntry> ReportAsync(WriteCommand command, RolloutReport report);

    /// <summary>
    /// The answer this entry gave to <paramref name="report"/> under the request id of <paramref name="command"/> (of the
    /// same caller), or null when it has not answered that request (or answered a different report under it).
    /// </summary>
    Task<RolloutEntry?> FindAnswerAsync(WriteCommand command, RolloutReport report);

    Task<RolloutEntry> GetAsync();
}

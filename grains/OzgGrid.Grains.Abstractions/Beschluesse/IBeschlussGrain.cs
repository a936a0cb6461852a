using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.Abstractions.Beschluesse;

/// <summary>One Beschluss of the IT-Planungsrat (key: its number). Recorded once by the programme management.</summary>
public interface IBeschlussGrain : IGrainWithStringKey, IProgrammeRecordGrain
{
    /// <exception cref="NotFoundException">No Beschluss with this number has been recorded.</exception>
    Task<Recorded<Beschluss>> GetAsync();

    /// <summary>
    /// Records the Beschluss and sets its milestones on the Leistungen concerned. A Beschluss is not changed once recorded:
    /// recording it again with other content is refused.
    /// </summary>
    Task<Recorded<Beschluss>> RecordAsync(WriteCommand command, Beschluss beschluss);
}

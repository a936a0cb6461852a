using System.Collections.Immutable;
using Orleans.Concurrency;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.Abstractions.Termine;

/// <summary>
/// The milestones of one OZG-Leistung (key: OZG-ID). A reminder checks them when the next one falls due and daily while
/// any is not reached; a milestone passed without its phase makes the Leistung overdue.
/// </summary>
public interface ITermineGrain : IGrainWithIntegerKey, IProgrammeRecordGrain
{
    /// <exception cref="NotFoundException">The OZG-ID is not in the catalogue.</exception>
    Task<Recorded<LeistungTermine>> GetAsync();

    /// <summary>Sets a milestone (replacing one with the same phase, Land and Beschluss); its date must lie in the future.</summary>
    Task<Recorded<LeistungTermine>> SetMeilensteinAsync(WriteCommand command, Meilenstein meilenstein);

    /// <summary>
    /// Refuses, as <see cref="SetMeilensteinAsync"/> would, when setting every one of <paramref name="meilensteine"/> would
    /// take the list past its limit; a Beschluss asks before it is stored, so that it is never stored with milestones it
    /// cannot set.
    /// </summary>
    /// <exception cref="CollectionLimitException">The list would grow past <c>OzgGrid:Limits:MeilensteinePerLeistung</c>.</exception>
    [ReadOnly]
    Task EnsureRoomForAsync(ImmutableArray<Meilenstein> meilensteine);

    /// <summary>Compares the milestones with the Leistung's status and the clock now; what the reminder calls.</summary>
    Task<Recorded<LeistungTermine>> CheckDeadlinesAsync();

    /// <summary>
    /// A Leistung's phase or a Verfügbarkeit changed: its milestones are checked against <paramref name="leistung"/>'s
    /// status at once (with every milestone reached no reminder would check again, and an overdue Leistung catching up
    /// is announced now), and the Leistung is told whether it has milestones. One-way: the Leistung does not wait.
    /// </summary>
    [OneWay]
    Task OnLeistungChangedAsync(LeistungSummary leistung);
}

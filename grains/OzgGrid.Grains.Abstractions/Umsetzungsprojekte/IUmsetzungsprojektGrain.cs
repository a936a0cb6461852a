using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.Abstractions.Umsetzungsprojekte;

/// <summary>
/// One Umsetzungsprojekt (key: its id). The programme management writes everything; an IT-Dienstleister leading the
/// project may set its dates, defer a phase and list the Onlinedienste it produced. A reminder at the next planned date
/// moves the status (phase, overdue phases) as OzgGrid's own write.
/// </summary>
public interface IUmsetzungsprojektGrain : IGrainWithStringKey, IProgrammeRecordGrain
{
    /// <exception cref="NotFoundException">No project with this id has been defined.</exception>
    Task<Recorded<Umsetzungsprojekt>> GetAsync();

    /// <summary>Creates the project or changes its definition (management only); its Leistungen must be in the catalogue.</summary>
    Task<Recorded<Umsetzungsprojekt>> DefineAsync(WriteCommand command, UmsetzungsprojektDefinition definition);

    /// <summary>Replaces the participating organisations (management only).</summary>
    Task<Recorded<Umsetzungsprojekt>> SetBeteiligteAsync(WriteCommand command, ImmutableArray<Beteiligung> beteiligte);

    /// <summary>Replaces the financing (management only).</summary>
    Task<Recorded<Umsetzungsprojekt>> SetFinanzierungAsync(WriteCommand command, ImmutableArray<Finanzierung> finanzierungen);

    /// <summary>Replaces the planned and actual dates of one phase.</summary>
    Task<Recorded<Umsetzungsprojekt>> SetPhasenTermineAsync(WriteCommand command, PhasenTermine termine);

    /// <summary>Defers a phase: a new planned end (and optionally start) later than the present one, with a reason.</summary>
    Task<Recorded<Umsetzungsprojekt>> DeferAsync(WriteCommand command, ProjektPhase phase, DateOnly? neuerBeginn, DateOnly neuesEnde, string grund);

    /// <summary>Replaces the ids of the Onlinedienste the project produced.</summary>
    Task<Recorded<Umsetzungsprojekt>> SetOnlinediensteAsync(WriteCommand command, ImmutableSortedSet<string> onlinedienste);

    /// <summary>Compares the status with the dates and the programme clock, recording a move; what the reminder calls.</summary>
    Task<Recorded<Umsetzungsprojekt>> CheckStatusAsync();
}

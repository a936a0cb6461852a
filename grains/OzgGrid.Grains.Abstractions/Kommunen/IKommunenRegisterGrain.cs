using System.Collections.Immutable;
using Orleans.Concurrency;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.Abstractions.Kommunen;

/// <summary>
/// The Kommunen register of one Land, keyed by the Land's kürzel ("NW"). Its imports are its history
/// (<c>ListProgrammeChanges</c> with <c>kommunen_land</c>).
/// </summary>
public interface IKommunenRegisterGrain : IGrainWithStringKey, IProgrammeRecordGrain
{
    /// <summary>
    /// Replaces the register with the Kommunen of <paramref name="gebietsstand"/>; the same list again changes nothing.
    /// A Kommune it merges into another is retired: kept, by its AGS, with its successor (<see cref="KommunenRegister.Successors"/>).
    /// </summary>
    /// <exception cref="InvalidFieldException">An AGS malformed, of another Land or listed twice; a name empty; an ARS not of
    /// its AGS; a merger of an unknown Kommune or into one the new register does not list.</exception>
    Task<KommunenImportResult> ImportAsync(WriteCommand command, Gebietsstand gebietsstand);

    /// <summary>
    /// Notes that <paramref name="ozgId"/> has rollout entries in this Land: after every change of the register its
    /// Land rollout is told to derive its Verfügbarkeit again (a Kommune more can end flächendeckend).
    /// </summary>
    Task AddRolloutAsync(int ozgId);

    /// <summary>The Leistungen with rollout entries in this Land (see <see cref="AddRolloutAsync"/>).</summary>
    [AlwaysInterleave]
    Task<ImmutableSortedSet<int>> GetRolloutsAsync();

    /// <summary>Interleaves: it only reads, and every rollout report asks for it.</summary>
    [AlwaysInterleave]
    Task<KommunenRegister> GetAsync();
}

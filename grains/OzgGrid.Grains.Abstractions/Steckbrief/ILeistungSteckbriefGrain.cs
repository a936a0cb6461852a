using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.Abstractions.Steckbrief;

/// <summary>
/// A Leistung's Zuständigkeitsebene and FIM status (key: OZG-ID), kept apart from the Leistung's own record so that its
/// status writes (the hot path) carry none of it. Written by the programme management only.
/// </summary>
public interface ILeistungSteckbriefGrain : IGrainWithIntegerKey, IProgrammeRecordGrain
{
    /// <summary>The record, or an empty one at version 0 when nothing was recorded yet.</summary>
    /// <exception cref="NotFoundException">The Leistung is not in the catalogue.</exception>
    Task<Recorded<LeistungSteckbrief>?> GetAsync();

    /// <param name="ebenen">One or more levels.</param>
    Task<Recorded<LeistungSteckbrief>> SetEbenenAsync(WriteCommand command, ImmutableSortedSet<Zustaendigkeitsebene> ebenen);

    Task<Recorded<LeistungSteckbrief>> SetFimAsync(WriteCommand command, FimBaustein baustein, FimEintrag eintrag);
}

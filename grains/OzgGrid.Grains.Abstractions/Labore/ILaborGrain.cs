using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.Abstractions.Labore;

/// <summary>
/// One Digitalisierungslabor (key: its id, e.g. "familie-kind"). The programme management defines it and its
/// participants; an IT-Dienstleister taking part may move its stage on and publish its Blaupausen.
/// </summary>
public interface ILaborGrain : IGrainWithStringKey, IProgrammeRecordGrain
{
    /// <exception cref="NotFoundException">No lab with this id has been defined.</exception>
    Task<Recorded<Labor>> GetAsync();

    /// <summary>Creates the lab or changes its name, Themenfeld and Leistungen (management only).</summary>
    Task<Recorded<Labor>> DefineAsync(WriteCommand command, string name, int themenfeldId, ImmutableSortedSet<int> ozgIds);

    /// <summary>Replaces the participants (management only).</summary>
    Task<Recorded<Labor>> SetTeilnehmerAsync(WriteCommand command, ImmutableArray<LaborTeilnehmer> teilnehmer);

    /// <summary>Moves the stage on by one (or keeps it); never back.</summary>
    Task<Recorded<Labor>> SetStufeAsync(WriteCommand command, LaborStufe stufe);

    /// <summary>Publishes a Blaupause; publishing one with a name already used makes its next version.</summary>
    Task<Recorded<Labor>> PublishBlaupauseAsync(WriteCommand command, string name, string link, string beschreibung);

    /// <summary>Completes when the caller may write the lab's results: the programme management, or an IT-Dienstleister taking part.</summary>
    /// <exception cref="AccessDeniedException">The caller is an IT-Dienstleister that does not take part.</exception>
    /// <exception cref="NotFoundException">No lab with this id has been defined.</exception>
    Task EnsureParticipantAsync(ItDienstleisterScope? scope);
}

using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.ProgrammeManagement;

/// <summary>
/// Announces a committed change of a record that moves no figure to the programme-management watchers: one way through
/// the figures grain, which numbers it into their stream. Never awaited, never failing the write (it is durable already;
/// the record's history keeps it for <c>ListProgrammeChanges</c>).
/// </summary>
internal static class ProgrammeAnnouncements
{
    public static void Announce(
        IGrainFactory grains, ILogger logger, ProgrammeEventKind kind, int ozgId, string description, ChangeStamp stamp, ImmutableArray<FieldChange> fields,
        string land = "")
    {
        try
        {
            grains.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key)
                .AnnounceAsync(new ProgrammeEvent(0, kind, ozgId, description, stamp.ChangedAt, [], stamp.ChangedBy, fields, [], [], null) { Land = land })
                .Ignore();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "OZG-Leistung {OzgId}: {Kind} not announced to the programme-management watchers", ozgId, kind);
        }
    }
}

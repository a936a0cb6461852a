using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Steckbrief;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Steckbrief;

/// <summary>
/// A Leistung's Zuständigkeitsebene and FIM building blocks: a programme-management record of its own, so that the
/// Leistung's status writes (the hot path) carry none of it. Each change is announced to the programme-management
/// watchers; the FIM status indexes (<see cref="IdSets.WithFimStatus"/>) answer "which Leistungen are in status X", and
/// <see cref="IdSets.WithZustaendigkeitsebene"/> which Leistungen have a Zuständigkeitsebene.
/// </summary>
public sealed class LeistungSteckbriefGrain(
    [PersistentState("steckbrief", StorageNames.State)] IPersistentState<RecordState<LeistungSteckbrief, ProgrammeChange>> state,
    VersionedRecords records,
    ProgrammeClock clock,
    ILogger<LeistungSteckbriefGrain> logger) : ProgrammeRecordGrain<LeistungSteckbrief>(state, records, clock, Names), ILeistungSteckbriefGrain
{
    public static readonly RecordNames Names = new("steckbrief", "steckbrief-history", "Steckbrief");

    private int OzgId => (int)this.GetPrimaryKeyLong();

    protected override string Describe() => $"Steckbrief (Zuständigkeitsebene, FIM) of OZG-Leistung {OzgId}";

    public async Task<Recorded<LeistungSteckbrief>?> GetAsync()
    {
        await CatalogLookup.LeistungAsync(GrainFactory, OzgId);
        return Body is null ? null : Require();
    }

    public async Task<Recorded<LeistungSteckbrief>> SetEbenenAsync(WriteCommand command, ImmutableSortedSet<Zustaendigkeitsebene> ebenen)
    {
        var known = Known;
        var result = await WriteAsync(
            command,
            SteckbriefFingerprints.Ebenen(command.ExpectedVersion, ebenen),
            ManagementOnly(command, "set a Leistung's Zuständigkeitsebene"),
            async before =>
            {
                var current = await CurrentAsync(before);

                // Indexed first, as for the FIM status: the report reads the Steckbrief named, so an extra entry is harmless.
                await GrainFactory.GetGrain<IIdSetGrain>(IdSets.WithZustaendigkeitsebene).SetAsync(Key, member: true);
                return (current with { Ebenen = ebenen }, "zustaendigkeitsebene",
                    FieldChanges.Between(("zustaendigkeitsebene", before is null ? null : FieldChanges.List(current.Ebenen), FieldChanges.List(ebenen))));
            });
        if (result.Version > known)
        {
            Announce(ProgrammeEventKind.ZustaendigkeitsebeneGeaendert, $"OZG-Leistung {OzgId}: Zuständigkeitsebene {FieldChanges.List(ebenen)}", result);
        }

        return result;
    }

    public async Task<Recorded<LeistungSteckbrief>> SetFimAsync(WriteCommand command, FimBaustein baustein, FimEintrag eintrag)
    {
        var known = Known;
        var result = await WriteAsync(
            command,
            SteckbriefFingerprints.Fim(command.ExpectedVersion, baustein, eintrag),
            ManagementOnly(command, "set a Leistung's FIM status"),
            async before =>
            {
                var current = await CurrentAsync(before);

                // The new status's index first: an extra entry (should the write fail) is filtered out by the list, a
                // missing one would hide the Leistung.
                await Index(eintrag.Status).SetAsync(Key, member: true);
                current.Fim.TryGetValue(baustein, out var was);
                return (current with { Fim = current.Fim.SetItem(baustein, eintrag) }, "fim",
                    FieldChanges.Between(($"fim.{baustein}", was?.ToString(), eintrag.ToString())));
            });

        // Also on a retry: leave the index of a status no building block holds any more.
        foreach (var status in Enum.GetValues<FimStatus>().Where(s => s != eintrag.Status && !result.Body.Fim.Values.Any(e => e.Status == s)))
        {
            await Index(status).SetAsync(Key, member: false);
        }

        if (result.Version > known)
        {
            Announce(ProgrammeEventKind.FimStatusGeaendert, $"OZG-Leistung {OzgId}: FIM {baustein} {eintrag}", result);
        }

        return result;
    }

    private string Key => OzgId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The version before a write, to tell a new version from a retry's answer.</summary>
    private long Known => Body is null ? 0 : Require().Version;

    private IIdSetGrain Index(FimStatus status) => GrainFactory.GetGrain<IIdSetGrain>(IdSets.WithFimStatus(status));

    private async Task<LeistungSteckbrief> CurrentAsync(LeistungSteckbrief? before)
    {
        await CatalogLookup.LeistungAsync(GrainFactory, OzgId);
        return before ?? LeistungSteckbrief.Empty(OzgId);
    }

    private void Announce(ProgrammeEventKind kind, string description, Recorded<LeistungSteckbrief> result) =>
        ProgrammeAnnouncements.Announce(GrainFactory, logger, kind, OzgId, description, result.LastChange, []);
}

using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Rollout;

/// <summary>
/// Which of the Land's Kommunen are responsible for the Leistung: a record of its own through the one write path, kept
/// here where the Land is counted, so that a change of it and the count it moves are made in one place.
/// </summary>
public sealed partial class LandRolloutGrain
{
    private const string ZustaendigeKommunenState = "zustaendige-kommunen";

    /// <summary>At most this many AGS are named in a change's fields; the rest are counted.</summary>
    private const int NamedInChange = 20;

    public static readonly RecordNames ZustaendigeNames = new(ZustaendigeKommunenState, "zustaendige-kommunen-history", "responsible Kommunen");

    private VersionedRecord<ZustaendigeKommunen, ProgrammeChange> _zustaendige = null!;

    /// <summary>Every Kommune of the register until the programme management (or the Land's IT-Dienstleister) says otherwise.</summary>
    private ZustaendigeKommunen Zustaendige => _zustaendige.Body ?? ZustaendigeKommunen.Alle;

    public async Task<Recorded<ZustaendigeKommunen>> SetZustaendigeKommunenAsync(WriteCommand command, ZustaendigeKommunen zustaendige)
    {
        var written = await _zustaendige.WriteAsync(
            command,
            ZustaendigeKommunenFingerprints.Set(command.ExpectedVersion, zustaendige),
            async _ =>
            {
                // The same rule as for a rollout report: the assigned IT-Dienstleister, in a Land it serves.
                await CatalogLookup.LeistungAsync(GrainFactory, OzgId);
                if (command.Scope is not null)
                {
                    EnsureWithinScope(command.Scope, (await Leistung.GetAsync()).Zustaendigkeit);
                }
            },
            async before =>
            {
                if (zustaendige.Art == ZustaendigeKommunenArt.Liste)
                {
                    EnsureRegistered(await Register.GetAsync(), zustaendige.Ags);
                }

                // Indexed before the write (the report reads the record it names, so an extra entry is harmless).
                await GrainFactory.GetGrain<IIdSetGrain>(IdSets.WithZustaendigenKommunen).SetAsync(RolloutKeys.Land(OzgId, Land), member: true);

                var fields = ChangedFields(before ?? ZustaendigeKommunen.Alle, zustaendige);
                return fields.IsEmpty && before is not null
                    ? default
                    : new RecordChange<ZustaendigeKommunen, ProgrammeChange>(zustaendige, (version, stamp) => new ProgrammeChange(version, "zustaendige-kommunen", stamp, fields));
            });

        if (written.Outcome == WriteOutcome.Changed)
        {
            ProgrammeAnnouncements.Announce(GrainFactory, _logger, ProgrammeEventKind.ZustaendigeKommunenGeaendert, OzgId,
                $"OZG-Leistung {OzgId} in {Land}: zuständige Kommunen {written.Body}", written.Stamp, written.Change?.Fields ?? [], Land);
        }

        // Also on a retry: the first attempt may have stopped after persisting. The register lists the rollout so that the
        // reconciliation repairs its count should the write below fail for good.
        var register = await TellRegisterAsync() ?? await Register.GetAsync();
        await PublishAsync(register, command.ChangedBy);
        return new Recorded<ZustaendigeKommunen>(written.Body, written.Version, written.Stamp);
    }

    public async Task<Recorded<ZustaendigeKommunen>?> GetZustaendigeKommunenAsync()
    {
        await CatalogLookup.LeistungAsync(GrainFactory, OzgId);
        return _zustaendige.Body is { } body ? new Recorded<ZustaendigeKommunen>(body, _zustaendige.Version, _zustaendige.Committed.LastChange!) : null;
    }

    public async Task<ProgrammeChangePage> GetChangesAsync(long? beforeVersion, int limit)
    {
        if (_zustaendige.Body is null)
        {
            await CatalogLookup.LeistungAsync(GrainFactory, OzgId);
            return new ProgrammeChangePage([], null);
        }

        var (changes, next) = await _zustaendige.GetChangesAsync(beforeVersion, limit);
        return new ProgrammeChangePage(changes, next);
    }

    /// <summary>The Land's Verfügbarkeit as its responsible Kommunen (or, with none, the Leistung's go-live) give it now.</summary>
    private async Task<Verfuegbarkeit> DeriveAsync(KommunenRegister register)
    {
        if (Zustaendige.Art == ZustaendigeKommunenArt.Keine)
        {
            var leistung = await Leistung.GetSummaryAsync();
            return RolloutRules.DeriveCentral(leistung?.Status.Reifegrad ?? Reifegrad.Offline);
        }

        var (responsible, online, pilot) = Count(register);
        return RolloutRules.Derive(responsible, online, pilot);
    }

    /// <summary>Has the register list this rollout (once per activation); the register as read after that, else null.</summary>
    private async Task<KommunenRegister?> TellRegisterAsync()
    {
        if (_registerTold)
        {
            return null;
        }

        await Register.AddRolloutAsync(OzgId);
        _registerTold = true;

        // An import between an earlier read and being added to the register told this rollout nothing.
        return await Register.GetAsync();
    }

    private void EnsureRegistered(KommunenRegister register, ImmutableSortedSet<string> ags)
    {
        var missing = ags.Where(a => !register.Contains(a)).ToList();
        if (missing.FirstOrDefault(a => register.SuccessorOf(a) is not null) is { } merged)
        {
            throw new NotFoundException(
                $"Kommune {merged} of the list merged into {register.SuccessorOf(merged)} (see GetKommune); list {register.SuccessorOf(merged)} instead.");
        }

        if (missing.Count > 0)
        {
            throw new NotFoundException(
                $"{missing.Count} of the listed Kommunen are not in {Land}'s Kommunen register (e.g. {string.Join(", ", missing.Take(5))}); " +
                "import them with ImportKommunen first, or leave them out.");
        }
    }

    private static ImmutableArray<FieldChange> ChangedFields(ZustaendigeKommunen before, ZustaendigeKommunen after)
    {
        var added = after.Ags.Except(before.Ags).ToList();
        var removed = before.Ags.Except(after.Ags).ToList();
        return FieldChanges.Between(
            ("zustaendige_kommunen", before.ToString(), after.ToString()),
            ("zustaendige_kommunen.hinzu", string.Empty, Named(added)),
            ("zustaendige_kommunen.entfernt", string.Empty, Named(removed)));
    }

    private static string Named(List<string> ags) =>
        ags.Count <= NamedInChange ? FieldChanges.List(ags) : $"{FieldChanges.List(ags.Take(NamedInChange))} … (+{ags.Count - NamedInChange})";
}

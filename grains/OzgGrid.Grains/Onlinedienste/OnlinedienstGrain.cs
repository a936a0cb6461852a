using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Dienstleister;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Onlinedienste;

/// <summary>An Onlinedienst: its registration, details, Einsatzgebiet and publication here; its ratings in <c>OnlinedienstGrain.Bewertung.cs</c>.</summary>
public sealed partial class OnlinedienstGrain(
    [PersistentState("onlinedienst", StorageNames.State)] IPersistentState<RecordState<Onlinedienst, ProgrammeChange>> state,
    VersionedRecords records,
    ProgrammeClock clock,
    IOptions<Limits> limits,
    LeikaKeys leikaKeys,
    ILogger<OnlinedienstGrain> logger) : ProgrammeRecordGrain<Onlinedienst>(state, records, clock, Names), IOnlinedienstGrain
{
    public static readonly RecordNames Names = new("onlinedienst", "onlinedienst-history", "Onlinedienst");

    // What the latest write did, for the event announced after its commit; activation announces nothing.
    private (string Action, ImmutableArray<FieldChange> Fields)? _written;

    private string OnlinedienstId => this.GetPrimaryKeyString();

    private Limits Limits => limits.Value;

    protected override string Describe() => $"Onlinedienst '{OnlinedienstId}'";

    public Task<Recorded<Onlinedienst>> GetAsync() => Task.FromResult(Require());

    public async Task<Recorded<Onlinedienst>> RegisterAsync(WriteCommand command, string name, string url, string anbieterId)
    {
        var all = GrainFactory.GetGrain<IIdSetGrain>(IdSets.Onlinedienste);
        var result = await WriteAsync(
            command,
            OnlinedienstFingerprints.Register(command.ExpectedVersion, name, url, anbieterId),
            before =>
            {
                // The Anbieter registers its own service and keeps it; handing it to another is the programme management's.
                EnsureAnbieter(command.Scope, before?.AnbieterId ?? anbieterId);
                EnsureAnbieter(command.Scope, anbieterId);
                return Task.CompletedTask;
            },
            async before =>
            {
                if (before?.AnbieterId != anbieterId && await GrainFactory.GetGrain<IItDienstleisterGrain>(anbieterId).FindAsync() is null)
                {
                    throw new InvalidFieldException("anbieter_id", $"'{anbieterId}' is not a registered IT-Dienstleister id; register it with RegisterItDienstleister first.");
                }

                if (before is null)
                {
                    await LimitChecks.EnsureRoomAsync(all, OnlinedienstId, Limits.Onlinedienste, "the list of Onlinedienste", nameof(Limits.Onlinedienste));
                }

                var next = before is null
                    ? new Onlinedienst(OnlinedienstId, name, url, anbieterId, OnlinedienstDetails.None, [], [], false)
                    : before with { Name = name, Url = url, AnbieterId = anbieterId };
                return Written(next, "registrierung", FieldChanges.Between(
                    ("name", before?.Name, name), ("url", before?.Url, url), ("anbieter", before?.AnbieterId, anbieterId)));
            });

        // Also on a retry: the first attempt may have failed after persisting, before the list was told.
        await all.SetAsync(OnlinedienstId, member: true);
        return result;
    }

    public Task<Recorded<Onlinedienst>> SetDetailsAsync(WriteCommand command, OnlinedienstDetails details) =>
        WriteAsync(
            command,
            OnlinedienstFingerprints.Details(command.ExpectedVersion, details),
            AnbieterOnly(command),
            before =>
            {
                var dienst = Existing(before);
                EnsureWithin(details.Fachverfahren.Length, Limits.FachverfahrenProOnlinedienst, "Fachverfahren", nameof(Limits.FachverfahrenProOnlinedienst));
                EnsureWithin(details.Portale.Length, Limits.PortaleProOnlinedienst, "Portale", nameof(Limits.PortaleProOnlinedienst));
                var was = dienst.Details;
                return Task.FromResult(Written(dienst with { Details = details }, "details", FieldChanges.Between(
                    ("hersteller", was.Hersteller, details.Hersteller),
                    ("fachverfahren", FieldChanges.List(was.Fachverfahren), FieldChanges.List(details.Fachverfahren)),
                    ("portale", FieldChanges.List(was.Portale), FieldChanges.List(details.Portale)),
                    ("nutzerkonten", FieldChanges.List(was.Nutzerkonten), FieldChanges.List(details.Nutzerkonten)),
                    ("vertrauensniveau", was.Vertrauensniveau.ToString(), details.Vertrauensniveau.ToString()),
                    ("bezahldienst", was.Bezahldienst, details.Bezahldienst),
                    ("zustellwege", FieldChanges.List(was.Zustellwege), FieldChanges.List(details.Zustellwege)),
                    ("efa", was.Efa.ToString(), details.Efa.ToString()),
                    ("basiskomponenten", FieldChanges.List(was.Basiskomponenten), FieldChanges.List(details.Basiskomponenten)))));
            });

    public Task<Recorded<Onlinedienst>> SetEinsatzgebietAsync(WriteCommand command, ImmutableArray<EinsatzImLand> einsatzgebiet) =>
        WriteAsync(
            command,
            OnlinedienstFingerprints.Einsatzgebiet(command.ExpectedVersion, einsatzgebiet),
            AnbieterOnly(command),
            before =>
            {
                var dienst = Existing(before);
                EnsureWithin(einsatzgebiet.Sum(e => e.Kommunen.Count), Limits.KommunenProOnlinedienst, "Kommunen of the Einsatzgebiet", nameof(Limits.KommunenProOnlinedienst));
                return Task.FromResult(Written(dienst with { Einsatzgebiet = einsatzgebiet }, "einsatzgebiet", FieldChanges.Between(
                    ("einsatzgebiet", FieldChanges.List(dienst.Einsatzgebiet), FieldChanges.List(einsatzgebiet)))));
            });

    public Task<Recorded<Onlinedienst>> PublishAsync(WriteCommand command, bool veroeffentlicht) =>
        WriteAsync(
            command,
            OnlinedienstFingerprints.Publish(command.ExpectedVersion, veroeffentlicht),
            AnbieterOnly(command),
            before =>
            {
                var dienst = Existing(before);
                return Task.FromResult(Written(dienst with { Veroeffentlicht = veroeffentlicht }, "veroeffentlichung", FieldChanges.Between(
                    ("veroeffentlicht", dienst.Veroeffentlicht.ToString(), veroeffentlicht.ToString()))));
            });

    protected override async Task OnCommittedAsync(Recorded<Onlinedienst> recorded)
    {
        TellLeistungen(recorded);
        if (_written is not { } written)
        {
            return;
        }

        _written = null;
        try
        {
            var description = $"Onlinedienst '{OnlinedienstId}' ({recorded.Body.Name}): {written.Action}, version {recorded.Version}";
            await GrainFactory.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key).AnnounceAsync(new ProgrammeEvent(
                0, ProgrammeEventKind.OnlinedienstGeaendert, 0, description, recorded.LastChange.ChangedAt, [], recorded.LastChange.ChangedBy,
                written.Fields, [], [], null) { OnlinedienstId = OnlinedienstId });
        }
        catch (Exception exception)
        {
            // Only the announcement is lost: the change is persisted and in the record's history.
            logger.LogWarning(exception, "The change of {Onlinedienst} at version {Version} was not announced", OnlinedienstId, recorded.Version);
        }
    }

    private (Onlinedienst Next, string Action, ImmutableArray<FieldChange> Fields) Written(Onlinedienst next, string action, ImmutableArray<FieldChange> fields)
    {
        _written = (action, fields);
        return (next, action, fields);
    }

    private void EnsureWithin(int count, int limit, string what, string setting) =>
        LimitChecks.EnsureAtMost(count, limit, $"{Describe()}'s {what}", setting);

    /// <summary>The programme management, or the IT-Dienstleister offering the Onlinedienst.</summary>
    private Func<Onlinedienst?, Task> AnbieterOnly(WriteCommand command) => dienst =>
    {
        EnsureAnbieter(command.Scope, Existing(dienst).AnbieterId);
        return Task.CompletedTask;
    };

    /// <summary>Refuses another IT-Dienstleister without telling it who the Anbieter is.</summary>
    private void EnsureAnbieter(ItDienstleisterScope? scope, string anbieterId)
    {
        if (scope is not null && scope.ItDienstleisterId != anbieterId)
        {
            throw new AccessDeniedException(
                $"IT-Dienstleister '{scope.ItDienstleisterId}' may write only the Onlinedienste it offers itself (as Anbieter); {Describe()} is not one of them.");
        }
    }
}

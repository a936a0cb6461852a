using Microsoft.Extensions.Options;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Dienstleister;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Dienstleister;

public sealed class ItDienstleisterGrain(
    [PersistentState("it-dienstleister", StorageNames.State)] IPersistentState<RecordState<ItDienstleisterRegistration, ProgrammeChange>> state,
    VersionedRecords records,
    IOptions<Limits> limits) : Grain, IItDienstleisterGrain
{
    public static readonly RecordNames Names = new("it-dienstleister", "it-dienstleister-history", "IT-Dienstleister");

    private VersionedRecord<ItDienstleisterRegistration, ProgrammeChange> _record = null!;

    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _record = records.For(this, state, Names);
        return Task.CompletedTask;
    }

    public Task<ItDienstleister> GetAsync() =>
        Task.FromResult(Current() ?? throw new NotFoundException($"No IT-Dienstleister is registered as '{Id}'."));

    public Task<ItDienstleister?> FindAsync() => Task.FromResult(Current());

    public async Task<ItDienstleister> RegisterAsync(WriteCommand command, ItDienstleisterRegistration registration)
    {
        var written = await _record.WriteAsync(
            command,
            ItDienstleisterFingerprints.Register(command.ExpectedVersion, registration),
            _ => Task.CompletedTask,
            async before =>
            {
                ItDienstleisterRules.Validate(registration);

                // The directory first: a registration it does not list yet would be invisible in lists.
                var directory = GrainFactory.GetGrain<IItDienstleisterDirectoryGrain>(IItDienstleisterDirectoryGrain.Key);
                var listed = await directory.ListIdsAsync();
                LimitChecks.EnsureRoom(
                    listed.Count, listed.Contains(Id) ? 0 : 1, limits.Value.ItDienstleister, "The registry of IT-Dienstleister", nameof(Limits.ItDienstleister));
                await directory.AddAsync(Id);
                var fields = FieldChanges.Between(
                    ("name", before?.Name, registration.Name),
                    ("laender", before is null ? null : FieldChanges.List(before.Laender), FieldChanges.List(registration.Laender)),
                    ("contact", before?.Contact, registration.Contact));

                // Registering again with the same data is a new version all the same, as it always was: its answer says so.
                // A new registration does not reactivate a deactivated IT-Dienstleister; only reactivating does.
                return new(
                    registration with { Deactivated = before?.Deactivated ?? false },
                    (version, stamp) => new ProgrammeChange(version, "registrierung", stamp, fields));
            });
        return Describe(written.Body, written.Version, written.Stamp);
    }

    public async Task<ItDienstleister> SetDeactivatedAsync(WriteCommand command, bool deactivated)
    {
        var written = await _record.WriteAsync(
            command,
            ItDienstleisterFingerprints.Deactivation(command.ExpectedVersion, deactivated),
            _ => { },
            before =>
            {
                var current = before ?? throw new NotFoundException($"No IT-Dienstleister is registered as '{Id}'.");
                if (current.Deactivated == deactivated)
                {
                    return default;
                }

                var fields = FieldChanges.Between(("deaktiviert", current.Deactivated ? "ja" : "nein", deactivated ? "ja" : "nein"));
                return new(
                    current with { Deactivated = deactivated },
                    (version, stamp) => new ProgrammeChange(version, deactivated ? "deaktivierung" : "reaktivierung", stamp, fields));
            });
        return Describe(written.Body, written.Version, written.Stamp);
    }

    private ItDienstleister? Current() => _record.Body is { } body ? Describe(body, _record.Version, _record.Committed.LastChange!) : null;

    private ItDienstleister Describe(ItDienstleisterRegistration body, long version, ChangeStamp stamp) =>
        new(Id, body.Name, body.Laender, body.Contact, version, stamp, body.Deactivated);
}

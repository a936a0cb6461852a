using Microsoft.Extensions.Options;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Komponenten;
using OzgGrid.Grains.Abstractions.Labore;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Komponenten;

public sealed class KomponenteGrain(
    [PersistentState("komponente", StorageNames.State)] IPersistentState<RecordState<Komponente, ProgrammeChange>> state,
    VersionedRecords records,
    ProgrammeClock clock,
    IOptions<Limits> limits) : ProgrammeRecordGrain<Komponente>(state, records, clock, Names), IKomponenteGrain
{
    public static readonly RecordNames Names = new("komponente", "komponente-history", "reusable component");

    private string KomponenteId => this.GetPrimaryKeyString();

    protected override string Describe() => $"reusable component '{KomponenteId}'";

    public Task<Recorded<Komponente>> GetAsync() => Task.FromResult(Require());

    public Task<Recorded<Komponente>> RegisterAsync(WriteCommand command, string name, KomponenteArt art, string beschreibung, string laborId) =>
        WriteAsync(
            command,
            KomponenteFingerprints.Register(command.ExpectedVersion, name, art, beschreibung, laborId),
            async before =>
            {
                // A participant registers for its own lab: both the lab named now and the one the component had before.
                await EnsureMayWriteAsync(command.Scope, laborId);
                if (before is not null && before.LaborId != laborId)
                {
                    await EnsureMayWriteAsync(command.Scope, before.LaborId);
                }
            },
            before =>
            {
                var next = before is null
                    ? new Komponente(KomponenteId, name, art, beschreibung, laborId, [])
                    : before with { Name = name, Art = art, Beschreibung = beschreibung, LaborId = laborId };
                return Task.FromResult((next, "registrierung", FieldChanges.Between(
                    ("name", before?.Name, name),
                    ("art", before?.Art.ToString(), art.ToString()),
                    ("beschreibung", before?.Beschreibung, beschreibung),
                    ("labor", before?.LaborId, laborId))));
            });

    public async Task<Recorded<Komponente>> SetUsedByAsync(WriteCommand command, int ozgId, bool used)
    {
        var index = GrainFactory.GetGrain<IIdSetGrain>(IdSets.KomponentenOf(ozgId));
        var result = await WriteAsync(
            command,
            KomponenteFingerprints.Nutzung(command.ExpectedVersion, ozgId, used),
            before => EnsureMayWriteAsync(command.Scope, Existing(before).LaborId),
            async before =>
            {
                var komponente = Existing(before);
                await CatalogLookup.LeistungAsync(GrainFactory, ozgId);

                // The Leistung's index first: an extra entry there (if the write below fails) only names a component whose
                // own record says otherwise and is corrected by the retry; a missing one would hide a use.
                if (used)
                {
                    await LimitChecks.EnsureRoomAsync(
                        index, KomponenteId, limits.Value.KomponentenPerLeistung, $"OZG-Leistung {ozgId}'s list of components", nameof(Limits.KomponentenPerLeistung));
                    await index.SetAsync(KomponenteId, member: true);
                }

                var next = komponente with { OzgIds = used ? komponente.OzgIds.Add(ozgId) : komponente.OzgIds.Remove(ozgId) };
                return (next, "nutzung", FieldChanges.Between(($"leistung.{ozgId}", komponente.OzgIds.Contains(ozgId) ? "nutzt" : "-", used ? "nutzt" : "-")));
            });

        // Also on a retry: the first attempt may have failed after persisting, before the index was told.
        await index.SetAsync(KomponenteId, member: result.Body.OzgIds.Contains(ozgId));
        return result;
    }

    /// <summary>The programme management writes every component; an IT-Dienstleister only one of a lab it takes part in.</summary>
    private async Task EnsureMayWriteAsync(ItDienstleisterScope? scope, string laborId)
    {
        if (scope is null)
        {
            if (laborId.Length > 0)
            {
                await GrainFactory.GetGrain<ILaborGrain>(laborId).GetAsync();
            }

            return;
        }

        if (laborId.Length == 0)
        {
            throw new AccessDeniedException(
                $"IT-Dienstleister '{scope.ItDienstleisterId}' may write a component only for a lab it takes part in; {Describe()} belongs to none.");
        }

        await GrainFactory.GetGrain<ILaborGrain>(laborId).EnsureParticipantAsync(scope);
    }
}

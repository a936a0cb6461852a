using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Komponenten;
using OzgGrid.Grains.Abstractions.Labore;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.ProgrammeManagement;

namespace OzgGrid.Grains.Komponenten;

public sealed class KomponenteGrain(
    [PersistentState("komponente", StorageNames.State)] IPersistentState<ProgrammeRecordState<Komponente>> state,
    [PersistentState("komponente-history", StorageNames.History)] IPersistentState<ProgrammeHistory> history,
    ProgrammeClock clock,
    ILogger<KomponenteGrain> logger) : ProgrammeRecordGrain<Komponente>(state, history, clock, logger), IKomponenteGrain
{
    private string KomponenteId => this.GetPrimaryKeyString();

    protected override string Describe() => $"reusable component '{KomponenteId}'";

    public Task<Recorded<Komponente>> GetAsync() => Task.FromResult(Require());

    public async Task<Recorded<Komponente>> RegisterAsync(WriteCommand command, string name, KomponenteArt art, string beschreibung, string laborId)
    {
        var fingerprint = $"register|{command.ExpectedVersion}|{name}|{art}|{beschreibung}|{laborId}";
        if (TryReplay(command, fingerprint, out var earlier))
        {
            return earlier;
        }

        // A participant registers for its own lab: both the lab named now and the one the component had before.
        var before = Body;
        await EnsureMayWriteAsync(command.Scope, laborId);
        if (before is not null && before.LaborId != laborId)
        {
            await EnsureMayWriteAsync(command.Scope, before.LaborId);
        }

        var next = before is null
            ? new Komponente(KomponenteId, name, art, beschreibung, laborId, [])
            : before with { Name = name, Art = art, Beschreibung = beschreibung, LaborId = laborId };
        var fields = FieldChanges.Between(
            ("name", before?.Name, name),
            ("art", before?.Art.ToString(), art.ToString()),
            ("beschreibung", before?.Beschreibung, beschreibung),
            ("labor", before?.LaborId, laborId));
        return await CommitAsync(command, "registrierung", fingerprint, next, fields);
    }

    public async Task<Recorded<Komponente>> SetUsedByAsync(WriteCommand command, int ozgId, bool used)
    {
        var fingerprint = $"nutzung|{command.ExpectedVersion}|{ozgId}|{used}";
        if (TryReplay(command, fingerprint, out var earlier))
        {
            return earlier;
        }

        var before = Require().Body;
        await EnsureMayWriteAsync(command.Scope, before.LaborId);
        await CatalogLookup.LeistungAsync(GrainFactory, ozgId);

        // The Leistung's index first: an extra entry there (if the write below fails) only names a component whose
        // own record says otherwise and is corrected by the retry; a missing one would hide a use.
        if (used)
        {
            await GrainFactory.GetGrain<IIdSetGrain>(IdSets.KomponentenOf(ozgId)).SetAsync(KomponenteId, member: true);
        }

        var next = before with { OzgIds = used ? before.OzgIds.Add(ozgId) : before.OzgIds.Remove(ozgId) };
        var fields = FieldChanges.Between(($"leistung.{ozgId}", before.OzgIds.Contains(ozgId) ? "nutzt" : "-", used ? "nutzt" : "-"));
        var result = await CommitAsync(command, "nutzung", fingerprint, next, fields);
        if (!used)
        {
            await GrainFactory.GetGrain<IIdSetGrain>(IdSets.KomponentenOf(ozgId)).SetAsync(KomponenteId, member: false);
        }

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

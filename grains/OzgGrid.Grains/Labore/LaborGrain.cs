using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Labore;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.ProgrammeManagement;

namespace OzgGrid.Grains.Labore;

public sealed class LaborGrain(
    [PersistentState("labor", StorageNames.State)] IPersistentState<ProgrammeRecordState<Labor>> state,
    [PersistentState("labor-history", StorageNames.History)] IPersistentState<ProgrammeHistory> history,
    ProgrammeClock clock,
    ILogger<LaborGrain> logger) : ProgrammeRecordGrain<Labor>(state, history, clock, logger), ILaborGrain
{
    private string LaborId => this.GetPrimaryKeyString();

    protected override string Describe() => $"Digitalisierungslabor '{LaborId}'";

    public Task<Recorded<Labor>> GetAsync() => Task.FromResult(Require());

    public async Task<Recorded<Labor>> DefineAsync(WriteCommand command, string name, int themenfeldId, ImmutableSortedSet<int> ozgIds)
    {
        var fingerprint = $"define|{command.ExpectedVersion}|{name}|{themenfeldId}|{FieldChanges.List(ozgIds)}";
        if (TryReplay(command, fingerprint, out var earlier))
        {
            // The lab's Themenfeld may not have listed it yet when the first attempt failed after persisting.
            await ListUnderAsync(null, earlier.Body.ThemenfeldId);
            return earlier;
        }

        EnsureManagement(command, "define a Digitalisierungslabor");
        await CatalogLookup.ThemenfeldAsync(GrainFactory, themenfeldId);
        await CatalogLookup.EnsureLeistungenAsync(GrainFactory, ozgIds);
        var before = Body;
        var next = before is null
            ? new Labor(LaborId, name, themenfeldId, ozgIds, [], LaborStufe.IstAnalyse, [])
            : before with { Name = name, ThemenfeldId = themenfeldId, OzgIds = ozgIds };
        var fields = FieldChanges.Between(
            ("name", before?.Name, name),
            ("themenfeld", before?.ThemenfeldId.ToString(), themenfeldId.ToString()),
            ("leistungen", before is null ? null : FieldChanges.List(before.OzgIds), FieldChanges.List(ozgIds)),
            ("stufe", before?.Stufe.ToString(), next.Stufe.ToString()));
        var result = await CommitAsync(command, "definition", fingerprint, next, fields);
        await ListUnderAsync(before?.ThemenfeldId, themenfeldId);
        return result;
    }

    public async Task<Recorded<Labor>> SetTeilnehmerAsync(WriteCommand command, ImmutableArray<LaborTeilnehmer> teilnehmer)
    {
        var fingerprint = $"teilnehmer|{command.ExpectedVersion}|{FieldChanges.List(teilnehmer)}";
        if (TryReplay(command, fingerprint, out var earlier))
        {
            return earlier;
        }

        EnsureManagement(command, "choose the participants of a Digitalisierungslabor");
        var before = Require().Body;
        var fields = FieldChanges.Between(("teilnehmer", FieldChanges.List(before.Teilnehmer), FieldChanges.List(teilnehmer)));
        return await CommitAsync(command, "teilnehmer", fingerprint, before with { Teilnehmer = teilnehmer }, fields);
    }

    public async Task<Recorded<Labor>> SetStufeAsync(WriteCommand command, LaborStufe stufe)
    {
        var fingerprint = $"stufe|{command.ExpectedVersion}|{stufe}";
        if (TryReplay(command, fingerprint, out var earlier))
        {
            return earlier;
        }

        var before = Require().Body;
        EnsureParticipant(before, command.Scope);
        if (stufe != before.Stufe && before.Stufe == LaborStufe.Abgeschlossen)
        {
            throw new RuleViolationException($"{Describe()} is finished ({ApiName(before.Stufe)}); its stage does not change any more.");
        }

        if (stufe != before.Stufe && stufe != before.Stufe + 1)
        {
            throw new RuleViolationException(
                $"{Describe()} is at stage {ApiName(before.Stufe)}; it moves on one stage at a time and never back, so the next is {ApiName(before.Stufe + 1)}.");
        }

        var fields = FieldChanges.Between(("stufe", before.Stufe.ToString(), stufe.ToString()));
        return await CommitAsync(command, "stufe", fingerprint, before with { Stufe = stufe }, fields);
    }

    public async Task<Recorded<Labor>> PublishBlaupauseAsync(WriteCommand command, string name, string link, string beschreibung)
    {
        var fingerprint = $"blaupause|{command.ExpectedVersion}|{name}|{link}|{beschreibung}";
        if (TryReplay(command, fingerprint, out var earlier))
        {
            return earlier;
        }

        var before = Require().Body;
        EnsureParticipant(before, command.Scope);
        var version = before.Blaupausen.Count(b => b.Name == name) + 1;
        var blaupause = new Blaupause(name, version, link, beschreibung, Clock.Now);
        var fields = FieldChanges.Between(($"blaupause.{name}", version == 1 ? null : $"v{version - 1}", $"v{version}: {link}"));
        return await CommitAsync(command, "blaupause", fingerprint, before with { Blaupausen = before.Blaupausen.Add(blaupause) }, fields);
    }

    public Task EnsureParticipantAsync(ItDienstleisterScope? scope)
    {
        EnsureParticipant(Require().Body, scope);
        return Task.CompletedTask;
    }

    /// <summary>Lists the lab under its Themenfeld (after the change is persisted: the lab is the truth, the list follows it).</summary>
    private async Task ListUnderAsync(int? formerThemenfeldId, int themenfeldId)
    {
        if (formerThemenfeldId is { } former && former != themenfeldId)
        {
            await GrainFactory.GetGrain<IIdSetGrain>(IdSets.LaboreOf(former)).SetAsync(LaborId, member: false);
        }

        await GrainFactory.GetGrain<IIdSetGrain>(IdSets.LaboreOf(themenfeldId)).SetAsync(LaborId, member: true);
    }

    /// <summary>A stage as the API names it, so that a caller can send what a message names.</summary>
    private static string ApiName(LaborStufe stufe) => stufe switch
    {
        LaborStufe.IstAnalyse => "LABOR_STUFE_IST_ANALYSE",
        LaborStufe.Zielbild => "LABOR_STUFE_ZIELBILD",
        LaborStufe.KlickPrototyp => "LABOR_STUFE_KLICK_PROTOTYP",
        LaborStufe.Referenzimplementierung => "LABOR_STUFE_REFERENZIMPLEMENTIERUNG",
        LaborStufe.Abgeschlossen => "LABOR_STUFE_ABGESCHLOSSEN",
        _ => stufe.ToString(),
    };

    private void EnsureParticipant(Labor labor, ItDienstleisterScope? scope)
    {
        if (scope is not null && !labor.HasItDienstleister(scope.ItDienstleisterId))
        {
            throw new AccessDeniedException(
                $"IT-Dienstleister '{scope.ItDienstleisterId}' does not take part in {Describe()}; the programme management chooses its participants.");
        }
    }
}

using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Labore;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Labore;

public sealed class LaborGrain(
    [PersistentState("labor", StorageNames.State)] IPersistentState<RecordState<Labor, ProgrammeChange>> state,
    VersionedRecords records,
    ProgrammeClock clock,
    IOptions<Limits> limits) : ProgrammeRecordGrain<Labor>(state, records, clock, Names), ILaborGrain
{
    public static readonly RecordNames Names = new("labor", "labor-history", "Digitalisierungslabor");

    private string LaborId => this.GetPrimaryKeyString();

    protected override string Describe() => $"Digitalisierungslabor '{LaborId}'";

    public Task<Recorded<Labor>> GetAsync() => Task.FromResult(Require());

    public async Task<Recorded<Labor>> DefineAsync(WriteCommand command, string name, int themenfeldId, ImmutableSortedSet<int> ozgIds)
    {
        var formerThemenfeldId = Body?.ThemenfeldId;
        var result = await WriteAsync(
            command,
            LaborFingerprints.Define(command.ExpectedVersion, name, themenfeldId, ozgIds),
            ManagementOnly(command, "define a Digitalisierungslabor"),
            async before =>
            {
                await CatalogLookup.ThemenfeldAsync(GrainFactory, themenfeldId);
                await CatalogLookup.EnsureLeistungenAsync(GrainFactory, ozgIds);
                await LimitChecks.EnsureRoomAsync(
                    GrainFactory.GetGrain<IIdSetGrain>(IdSets.LaboreOf(themenfeldId)), LaborId, limits.Value.LaborePerThemenfeld,
                    $"Themenfeld {themenfeldId}'s list of Digitalisierungslabore", nameof(Limits.LaborePerThemenfeld));
                var next = before is null
                    ? new Labor(LaborId, name, themenfeldId, ozgIds, [], LaborStufe.IstAnalyse, [])
                    : before with { Name = name, ThemenfeldId = themenfeldId, OzgIds = ozgIds };
                return (next, "definition", FieldChanges.Between(
                    ("name", before?.Name, name),
                    ("themenfeld", before?.ThemenfeldId.ToString(), themenfeldId.ToString()),
                    ("leistungen", before is null ? null : FieldChanges.List(before.OzgIds), FieldChanges.List(ozgIds)),
                    ("stufe", before?.Stufe.ToString(), next.Stufe.ToString())));
            });

        // Also on a retry: the lab's Themenfeld may not have listed it yet when the first attempt failed after persisting.
        await ListUnderAsync(formerThemenfeldId, result.Body.ThemenfeldId);
        return result;
    }

    public Task<Recorded<Labor>> SetTeilnehmerAsync(WriteCommand command, ImmutableArray<LaborTeilnehmer> teilnehmer) =>
        WriteAsync(
            command,
            LaborFingerprints.Teilnehmer(command.ExpectedVersion, teilnehmer),
            ManagementOnly(command, "choose the participants of a Digitalisierungslabor"),
            before =>
            {
                var labor = Existing(before);
                LimitChecks.EnsureAtMost(
                    teilnehmer.Length, limits.Value.TeilnehmerPerLabor, $"{Describe()}'s list of participants", nameof(Limits.TeilnehmerPerLabor));

                var fields = FieldChanges.Between(("teilnehmer", FieldChanges.List(labor.Teilnehmer), FieldChanges.List(teilnehmer)));
                return Task.FromResult((labor with { Teilnehmer = teilnehmer }, "teilnehmer", fields));
            });

    public Task<Recorded<Labor>> SetStufeAsync(WriteCommand command, LaborStufe stufe) =>
        WriteAsync(
            command,
            LaborFingerprints.Stufe(command.ExpectedVersion, stufe),
            ParticipantOnly(command),
            before =>
            {
                var labor = Existing(before);
                if (stufe != labor.Stufe && labor.Stufe == LaborStufe.Abgeschlossen)
                {
                    throw new RuleViolationException($"{Describe()} is finished ({ApiName(labor.Stufe)}); its stage does not change any more.");
                }

                if (stufe != labor.Stufe && stufe != labor.Stufe + 1)
                {
                    throw new RuleViolationException(
                        $"{Describe()} is at stage {ApiName(labor.Stufe)}; it moves on one stage at a time and never back, so the next is {ApiName(labor.Stufe + 1)}.");
                }

                var fields = FieldChanges.Between(("stufe", labor.Stufe.ToString(), stufe.ToString()));
                return Task.FromResult((labor with { Stufe = stufe }, "stufe", fields));
            });

    public Task<Recorded<Labor>> PublishBlaupauseAsync(WriteCommand command, string name, string link, string beschreibung) =>
        WriteAsync(
            command,
            LaborFingerprints.Blaupause(command.ExpectedVersion, name, link, beschreibung),
            ParticipantOnly(command),
            before =>
            {
                var labor = Existing(before);
                LimitChecks.EnsureRoom(
                    labor.Blaupausen.Length, 1, limits.Value.BlaupausenPerLabor, $"{Describe()}'s Blaupausen (every version counts)", nameof(Limits.BlaupausenPerLabor));
                var version = labor.Blaupausen.Count(b => b.Name == name) + 1;
                var blaupause = new Blaupause(name, version, link, beschreibung, Clock.Now);
                var fields = FieldChanges.Between(($"blaupause.{name}", version == 1 ? null : $"v{version - 1}", $"v{version}: {link}"));
                return Task.FromResult((labor with { Blaupausen = labor.Blaupausen.Add(blaupause) }, "blaupause", fields));
            });

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

    /// <summary>The programme management, or an IT-Dienstleister taking part in the lab.</summary>
    private Func<Labor?, Task> ParticipantOnly(WriteCommand command) => labor =>
    {
        EnsureParticipant(Existing(labor), command.Scope);
        return Task.CompletedTask;
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

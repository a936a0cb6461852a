using System.Collections.Immutable;
using Grpc.Core;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Dienstleister;
using OzgGrid.Grains.Abstractions.Labore;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Protos.V1;
using Domain = OzgGrid.Grains.Abstractions;

namespace OzgGrid.Gateway.Grpc;

/// <summary>Digitalisierungslabore: defined by the programme management, their stage and Blaupausen reported by their participants.</summary>
public sealed partial class ProgrammeManagementService
{
    public override async Task<DefineLaborResponse> DefineLabor(DefineLaborRequest request, ServerCallContext context)
    {
        var labor = Labor(request.LaborId);
        var name = ProgrammeGuard.RequiredText(request.Name, "name", ProgrammeGuard.MaxNameLength);
        var themenfeldId = RequestGuard.ThemenfeldId(request.ThemenfeldId);
        RequestGuard.ListSize(request.OzgIds.Count, ProgrammeGuard.MaxListLength, "ozg_ids");
        ImmutableSortedSet<int> ozgIds = [.. request.OzgIds.Select(id => RequestGuard.OzgId(id, "ozg_ids"))];
        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        return new DefineLaborResponse { Labor = (await labor.DefineAsync(command, name, themenfeldId, ozgIds)).MapToProto() };
    }

    public override async Task<SetLaborTeilnehmerResponse> SetLaborTeilnehmer(SetLaborTeilnehmerRequest request, ServerCallContext context)
    {
        var labor = Labor(request.LaborId);
        RequestGuard.ListSize(request.Teilnehmer.Count, ProgrammeGuard.MaxListLength, "teilnehmer");
        var teilnehmer = new List<Domain.Labore.LaborTeilnehmer>();
        for (var i = 0; i < request.Teilnehmer.Count; i++)
        {
            teilnehmer.Add(await TeilnehmerAsync(request.Teilnehmer[i], $"teilnehmer[{i}]"));
        }

        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        return new SetLaborTeilnehmerResponse { Labor = (await labor.SetTeilnehmerAsync(command, [.. teilnehmer])).MapToProto() };
    }

    public override async Task<SetLaborStufeResponse> SetLaborStufe(SetLaborStufeRequest request, ServerCallContext context)
    {
        var labor = Labor(request.LaborId);
        var stufe = request.Stufe.MapToDomain("stufe");
        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        return new SetLaborStufeResponse { Labor = (await labor.SetStufeAsync(command, stufe)).MapToProto() };
    }

    public override async Task<PublishBlaupauseResponse> PublishBlaupause(PublishBlaupauseRequest request, ServerCallContext context)
    {
        var labor = Labor(request.LaborId);
        var name = ProgrammeGuard.RequiredText(request.Name, "name", ProgrammeGuard.MaxNameLength);
        var link = ProgrammeGuard.Link(request.Link, "link");
        var beschreibung = RequestGuard.Text(request.Beschreibung, "beschreibung", ProgrammeGuard.MaxDescriptionLength);
        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        var recorded = await labor.PublishBlaupauseAsync(command, name, link, beschreibung);
        return new PublishBlaupauseResponse
        {
            Labor = recorded.MapToProto(),
            Blaupause = recorded.Body.Blaupausen.Last(b => b.Name == name).MapToProto(),
        };
    }

    public override async Task<GetLaborResponse> GetLabor(GetLaborRequest request, ServerCallContext context) =>
        new() { Labor = (await Labor(request.LaborId).GetAsync()).MapToProto() };

    public override async Task<ListLaboreResponse> ListLabore(ListLaboreRequest request, ServerCallContext context)
    {
        var themenfeldId = RequestGuard.ThemenfeldId(request.ThemenfeldId);

        await CatalogGuard.RequireThemenfeldAsync(grains, themenfeldId);
        var ids = await grains.GetGrain<IIdSetGrain>(IdSets.LaboreOf(themenfeldId)).GetAsync();
        var labore = await Task.WhenAll(ids.Select(id => grains.GetGrain<ILaborGrain>(id).GetAsync()));

        // The lab is the truth: one moved to another Themenfeld may still be listed here if a write failed half-way.
        return new ListLaboreResponse { Labore = { labore.Where(l => l.Body.ThemenfeldId == themenfeldId).Select(l => l.MapToProto()) } };
    }

    /// <summary>A participant as the lab will hold it: its key checked for its kind (an IT-Dienstleister must be registered).</summary>
    private async Task<Domain.Labore.LaborTeilnehmer> TeilnehmerAsync(Protos.V1.LaborTeilnehmer teilnehmer, string field)
    {
        var art = teilnehmer.Art.MapToDomain($"{field}.art");
        var kennung = art switch
        {
            Domain.Labore.TeilnehmerArt.Land => RequestGuard.Land(teilnehmer.Kennung, $"{field}.kennung"),
            Domain.Labore.TeilnehmerArt.Kommune => ProgrammeGuard.Ags(teilnehmer.Kennung, $"{field}.kennung"),
            Domain.Labore.TeilnehmerArt.ItDienstleister => ProgrammeGuard.Id(teilnehmer.Kennung, $"{field}.kennung"),
            _ => ProgrammeGuard.RequiredText(teilnehmer.Kennung, $"{field}.kennung", ProgrammeGuard.MaxNameLength),
        };
        if (art == Domain.Labore.TeilnehmerArt.ItDienstleister && await grains.GetGrain<IItDienstleisterGrain>(kennung).FindAsync() is null)
        {
            throw RequestGuard.Invalid($"{field}.kennung", $"{RequestGuard.Quote(kennung)} is not a registered IT-Dienstleister id; register it with RegisterItDienstleister first.");
        }

        return new Domain.Labore.LaborTeilnehmer(art, kennung, ProgrammeGuard.RequiredText(teilnehmer.Rolle, $"{field}.rolle", ProgrammeGuard.MaxNameLength));
    }
}

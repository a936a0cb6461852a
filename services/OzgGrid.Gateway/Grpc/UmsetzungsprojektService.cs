using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Protos.V1;
using Domain = OzgGrid.Grains.Abstractions.Umsetzungsprojekte;

namespace OzgGrid.Gateway.Grpc;

/// <summary>
/// Umsetzungsprojekte: the writes here (each guarded field by field, then one grain call); the reads, lists and the
/// report in <c>UmsetzungsprojektService.Reads.cs</c>. Who may write what the grain decides (management, or the
/// leading IT-Dienstleister for dates and Onlinedienste).
/// </summary>
public sealed partial class UmsetzungsprojektService(IGrainFactory grains, ProgrammeClock clock)
    : Protos.V1.UmsetzungsprojektService.UmsetzungsprojektServiceBase
{
    public override async Task<DefineUmsetzungsprojektResponse> DefineUmsetzungsprojekt(DefineUmsetzungsprojektRequest request, ServerCallContext context)
    {
        var projekt = Projekt(request.ProjektId);
        var definition = new Domain.UmsetzungsprojektDefinition(
            ProgrammeGuard.RequiredText(request.Name, "name", ProgrammeGuard.MaxNameLength),
            UmsetzungsprojektGuard.OzgIds(request.OzgIds, "ozg_ids"),
            UmsetzungsprojektGuard.LeikaKeys(request.LeikaKeys, "leika_keys"),
            await UmsetzungsprojektGuard.OrganisationAsync(grains, request.Projektleitung, "projektleitung"),
            UmsetzungsprojektGuard.Methodenexperte(request.Methodenexperte, "methodenexperte"),
            ProgrammeEnumMapping.Defined<Domain.EfaTyp>((int)request.EfaTyp, "efa_typ", "EfaTyp"));
        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        return new DefineUmsetzungsprojektResponse { Projekt = (await projekt.DefineAsync(command, definition)).MapToProto() };
    }

    public override async Task<SetProjektBeteiligteResponse> SetProjektBeteiligte(SetProjektBeteiligteRequest request, ServerCallContext context)
    {
        var projekt = Projekt(request.ProjektId);
        var beteiligte = await UmsetzungsprojektGuard.BeteiligteAsync(grains, request.Beteiligte, "beteiligte");
        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        return new SetProjektBeteiligteResponse { Projekt = (await projekt.SetBeteiligteAsync(command, beteiligte)).MapToProto() };
    }

    public override async Task<SetProjektFinanzierungResponse> SetProjektFinanzierung(SetProjektFinanzierungRequest request, ServerCallContext context)
    {
        var projekt = Projekt(request.ProjektId);
        var finanzierungen = UmsetzungsprojektGuard.Finanzierungen(request.Finanzierungen, "finanzierungen");
        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        return new SetProjektFinanzierungResponse { Projekt = (await projekt.SetFinanzierungAsync(command, finanzierungen)).MapToProto() };
    }

    public override async Task<SetProjektPhaseResponse> SetProjektPhase(SetProjektPhaseRequest request, ServerCallContext context)
    {
        var projekt = Projekt(request.ProjektId);
        var termine = new Domain.PhasenTermine(
            UmsetzungsprojektGuard.Phase(request.Phase),
            UmsetzungsprojektGuard.OptionalDate(request.PlannedStart, "planned_start"),
            UmsetzungsprojektGuard.OptionalDate(request.PlannedEnd, "planned_end"),
            UmsetzungsprojektGuard.OptionalDate(request.ActualStart, "actual_start"),
            UmsetzungsprojektGuard.OptionalDate(request.ActualEnd, "actual_end"),
            0,
            string.Empty);
        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        return new SetProjektPhaseResponse { Projekt = (await projekt.SetPhasenTermineAsync(command, termine)).MapToProto() };
    }

    public override async Task<DeferProjektPhaseResponse> DeferProjektPhase(DeferProjektPhaseRequest request, ServerCallContext context)
    {
        var projekt = Projekt(request.ProjektId);
        var phase = UmsetzungsprojektGuard.Phase(request.Phase);
        var neuesEnde = ProgrammeGuard.Date(request.NewPlannedEnd, "new_planned_end");
        var neuerBeginn = UmsetzungsprojektGuard.OptionalDate(request.NewPlannedStart, "new_planned_start");
        var grund = ProgrammeGuard.RequiredText(request.Grund, "grund", ProgrammeGuard.MaxDescriptionLength);
        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        return new DeferProjektPhaseResponse { Projekt = (await projekt.DeferAsync(command, phase, neuerBeginn, neuesEnde, grund)).MapToProto() };
    }

    public override async Task<SetProjektOnlinediensteResponse> SetProjektOnlinedienste(SetProjektOnlinediensteRequest request, ServerCallContext context)
    {
        var projekt = Projekt(request.ProjektId);
        var ids = UmsetzungsprojektGuard.OnlinedienstIds(request.OnlinedienstIds, "onlinedienst_ids");
        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        return new SetProjektOnlinediensteResponse { Projekt = (await projekt.SetOnlinediensteAsync(command, ids)).MapToProto() };
    }

    private Task<WriteCommand> CommandAsync(ServerCallContext context, string requestId, long? expectedVersion) =>
        context.WriteCommandAsync(grains, requestId, expectedVersion);

    private Domain.IUmsetzungsprojektGrain Projekt(string projektId) => grains.GetGrain<Domain.IUmsetzungsprojektGrain>(UmsetzungsprojektGuard.ProjektId(projektId));
}

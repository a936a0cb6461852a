using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.Reifegradmodelle;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

/// <summary>
/// The Onlinedienst API: its writes here, its reads in <c>OnlinedienstService.Reads.cs</c>. Who may write an
/// Onlinedienst (the programme management, or its Anbieter) the grain decides.
/// </summary>
public sealed partial class OnlinedienstService(IGrainFactory grains, ReifegradModelle modelle, TimeProvider clock)
    : Protos.V1.OnlinedienstService.OnlinedienstServiceBase
{
    public override async Task<RegisterOnlinedienstResponse> RegisterOnlinedienst(RegisterOnlinedienstRequest request, ServerCallContext context)
    {
        var dienst = Onlinedienst(request.OnlinedienstId);
        var name = ProgrammeGuard.RequiredText(request.Name, "name", ProgrammeGuard.MaxNameLength);
        var url = ProgrammeGuard.Link(request.Url, "url");
        var anbieterId = ProgrammeGuard.Id(request.AnbieterId, "anbieter_id");
        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        return new RegisterOnlinedienstResponse { Onlinedienst = (await dienst.RegisterAsync(command, name, url, anbieterId)).MapToProto(modelle) };
    }

    public override async Task<SetOnlinedienstDetailsResponse> SetOnlinedienstDetails(SetOnlinedienstDetailsRequest request, ServerCallContext context)
    {
        var dienst = Onlinedienst(request.OnlinedienstId);
        var details = OnlinedienstGuard.Details(request.Details);
        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        return new SetOnlinedienstDetailsResponse { Onlinedienst = (await dienst.SetDetailsAsync(command, details)).MapToProto(modelle) };
    }

    public override async Task<RateOnlinedienstLeistungResponse> RateOnlinedienstLeistung(RateOnlinedienstLeistungRequest request, ServerCallContext context)
    {
        var dienst = Onlinedienst(request.OnlinedienstId);
        var leikaKey = OnlinedienstGuard.LeikaKey(request.LeikaKey);
        var version = request.Modell.MapToDomain("modell");
        var bewertung = OnlinedienstGuard.Bewertung(modelle[version], request.Kriterien);
        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        var recorded = await dienst.RateAsync(command, leikaKey, version, bewertung);
        return new RateOnlinedienstLeistungResponse
        {
            Onlinedienst = recorded.MapToProto(modelle),
            Leistung = recorded.Body.Leistung(leikaKey)!.MapToProto(modelle),
        };
    }

    public override async Task<SetOnlinedienstEinsatzgebietResponse> SetOnlinedienstEinsatzgebiet(
        SetOnlinedienstEinsatzgebietRequest request, ServerCallContext context)
    {
        var dienst = Onlinedienst(request.OnlinedienstId);
        var einsatzgebiet = OnlinedienstGuard.Einsatzgebiet(request.Einsatzgebiet, ProgrammeGuard.MaxListLength * 10);
        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        return new SetOnlinedienstEinsatzgebietResponse { Onlinedienst = (await dienst.SetEinsatzgebietAsync(command, einsatzgebiet)).MapToProto(modelle) };
    }

    public override async Task<PublishOnlinedienstResponse> PublishOnlinedienst(PublishOnlinedienstRequest request, ServerCallContext context)
    {
        var dienst = Onlinedienst(request.OnlinedienstId);
        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        return new PublishOnlinedienstResponse { Onlinedienst = (await dienst.PublishAsync(command, request.Veroeffentlicht)).MapToProto(modelle) };
    }

    private Task<WriteCommand> CommandAsync(ServerCallContext context, string requestId, long? expectedVersion) =>
        context.WriteCommandAsync(grains, requestId, expectedVersion);

    private IOnlinedienstGrain Onlinedienst(string onlinedienstId) =>
        grains.GetGrain<IOnlinedienstGrain>(ProgrammeGuard.Id(onlinedienstId, "onlinedienst_id"));
}

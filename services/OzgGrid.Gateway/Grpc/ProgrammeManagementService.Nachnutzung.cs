using Grpc.Core;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Validation;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

/// <summary>EfA-Nachnutzung: the Umsetzungsland of a Leistung and the Länder that take it over.</summary>
public sealed partial class ProgrammeManagementService
{
    public override async Task<SetUmsetzungslandResponse> SetUmsetzungsland(SetUmsetzungslandRequest request, ServerCallContext context)
    {
        var nachnutzung = Nachnutzung(request.OzgId);
        var land = RequestGuard.Land(request.Land, "land");
        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        return new SetUmsetzungslandResponse { Nachnutzung = (await nachnutzung.SetUmsetzungslandAsync(command, land)).MapToProto() };
    }

    public override async Task<SetNachnutzungResponse> SetNachnutzung(SetNachnutzungRequest request, ServerCallContext context)
    {
        var nachnutzung = Nachnutzung(request.OzgId);
        var land = RequestGuard.Land(request.Land, "land");
        var zustand = request.Zustand.MapToDomain("zustand");
        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        return new SetNachnutzungResponse { Nachnutzung = (await nachnutzung.SetZustandAsync(command, land, zustand, request.Override)).MapToProto() };
    }

    public override async Task<GetNachnutzungResponse> GetNachnutzung(GetNachnutzungRequest request, ServerCallContext context) =>
        new() { Nachnutzung = (await Nachnutzung(request.OzgId).GetAsync()).MapToProto() };

    public override async Task<GetNachnutzungReportResponse> GetNachnutzungReport(GetNachnutzungReportRequest request, ServerCallContext context) =>
        (await Figures().GetNachnutzungReportAsync()).MapToProto();
}

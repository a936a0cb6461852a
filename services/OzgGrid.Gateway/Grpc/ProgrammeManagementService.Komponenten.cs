using Grpc.Core;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Komponenten;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

/// <summary>Reusable components and which Leistungen use them.</summary>
public sealed partial class ProgrammeManagementService
{
    public override async Task<RegisterKomponenteResponse> RegisterKomponente(RegisterKomponenteRequest request, ServerCallContext context)
    {
        var komponente = Komponente(request.KomponenteId);
        var name = ProgrammeGuard.RequiredText(request.Name, "name", ProgrammeGuard.MaxNameLength);
        var art = request.Art.MapToDomain("art");
        var beschreibung = RequestGuard.Text(request.Beschreibung, "beschreibung", ProgrammeGuard.MaxDescriptionLength);
        var laborId = request.LaborId.Length == 0 ? string.Empty : ProgrammeGuard.Id(request.LaborId, "labor_id");
        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        return new RegisterKomponenteResponse { Komponente = (await komponente.RegisterAsync(command, name, art, beschreibung, laborId)).MapToProto() };
    }

    public override async Task<SetKomponenteNutzungResponse> SetKomponenteNutzung(SetKomponenteNutzungRequest request, ServerCallContext context)
    {
        var komponente = Komponente(request.KomponenteId);
        var ozgId = RequestGuard.OzgId(request.OzgId);
        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        return new SetKomponenteNutzungResponse { Komponente = (await komponente.SetUsedByAsync(command, ozgId, request.Used)).MapToProto() };
    }

    public override async Task<GetKomponenteResponse> GetKomponente(GetKomponenteRequest request, ServerCallContext context) =>
        new() { Komponente = (await Komponente(request.KomponenteId).GetAsync()).MapToProto() };

    public override async Task<ListLeistungKomponentenResponse> ListLeistungKomponenten(ListLeistungKomponentenRequest request, ServerCallContext context)
    {
        var ozgId = RequestGuard.OzgId(request.OzgId);

        await CatalogGuard.RequireLeistungAsync(grains, ozgId);
        var ids = await grains.GetGrain<IIdSetGrain>(IdSets.KomponentenOf(ozgId)).GetAsync();
        var komponenten = await Task.WhenAll(ids.Select(id => grains.GetGrain<IKomponenteGrain>(id).GetAsync()));

        // The component is the truth: the index may name one whose use was ended by a write that failed half-way.
        return new ListLeistungKomponentenResponse
        {
            Komponenten = { komponenten.Where(k => k.Body.OzgIds.Contains(ozgId)).Select(k => k.MapToProto()) },
        };
    }
}

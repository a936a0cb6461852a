using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.ProgrammeManagement;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Anschluss;
using OzgGrid.Grains.Abstractions.Beschluesse;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Komponenten;
using OzgGrid.Grains.Abstractions.Labore;
using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.Nutzung;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Abstractions.Steckbrief;
using OzgGrid.Grains.Abstractions.Termine;
using OzgGrid.Grains.Abstractions.Umsetzungsprojekte;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Grpc;

/// <summary>
/// The programme-management API, one partial file per area (Labore, Komponenten, Nachnutzung, Beschlüsse); this one
/// holds the history, the live events and what the areas share.
/// </summary>
public sealed partial class ProgrammeManagementService(IGrainFactory grains, ProgrammeEventWatch watch, ShutdownAwareStreams streams)
    : Protos.V1.ProgrammeManagementService.ProgrammeManagementServiceBase
{
    private const string BeschluesseList = "beschluesse";
    private const string ChangesList = "programme-changes";

    // --- History and live events ---

    public override async Task<ListProgrammeChangesResponse> ListProgrammeChanges(ListProgrammeChangesRequest request, ServerCallContext context)
    {
        var (record, subject) = request.SubjectCase switch
        {
            ListProgrammeChangesRequest.SubjectOneofCase.LaborId => ((IProgrammeRecordGrain)Labor(request.LaborId), $"labor-{request.LaborId}"),
            ListProgrammeChangesRequest.SubjectOneofCase.KomponenteId => (Komponente(request.KomponenteId), $"komponente-{request.KomponenteId}"),
            ListProgrammeChangesRequest.SubjectOneofCase.NachnutzungOzgId => (Nachnutzung(request.NachnutzungOzgId, "nachnutzung_ozg_id"), $"nachnutzung-{request.NachnutzungOzgId}"),
            ListProgrammeChangesRequest.SubjectOneofCase.MeilensteineOzgId => (Termine(request.MeilensteineOzgId, "meilensteine_ozg_id"), $"meilensteine-{request.MeilensteineOzgId}"),
            ListProgrammeChangesRequest.SubjectOneofCase.BeschlussNummer => (Beschluss(request.BeschlussNummer, "beschluss_nummer"), $"beschluss-{request.BeschlussNummer}"),
            ListProgrammeChangesRequest.SubjectOneofCase.UmsetzungsprojektId => (
                grains.GetGrain<IUmsetzungsprojektGrain>(ProgrammeGuard.Id(request.UmsetzungsprojektId, "umsetzungsprojekt_id")),
                $"umsetzungsprojekt-{request.UmsetzungsprojektId}"),
            ListProgrammeChangesRequest.SubjectOneofCase.OnlinedienstId => (Onlinedienst(request.OnlinedienstId), $"onlinedienst-{request.OnlinedienstId}"),
            ListProgrammeChangesRequest.SubjectOneofCase.SteckbriefOzgId => (Steckbrief(request.SteckbriefOzgId), $"steckbrief-{request.SteckbriefOzgId}"),
            ListProgrammeChangesRequest.SubjectOneofCase.ZustaendigeKommunen => ZustaendigeKommunen(request.ZustaendigeKommunen),
            ListProgrammeChangesRequest.SubjectOneofCase.Nutzung => Nutzung(request.Nutzung),
            ListProgrammeChangesRequest.SubjectOneofCase.Anschluss => Anschluss(request.Anschluss),
            ListProgrammeChangesRequest.SubjectOneofCase.KommunenLand => (
                grains.GetGrain<IKommunenRegisterGrain>(RequestGuard.Land(request.KommunenLand, "kommunen_land")), $"kommunen-{request.KommunenLand}"),
            _ => throw RequestGuard.Invalid(
                "subject",
                "Required: labor_id, komponente_id, nachnutzung_ozg_id, meilensteine_ozg_id, beschluss_nummer, umsetzungsprojekt_id, onlinedienst_id, steckbrief_ozg_id, zustaendige_kommunen, nutzung, anschluss or kommunen_land."),
        };
        var pageSize = RequestGuard.PageSize(request.PageSize);
        var list = $"{ChangesList}-{subject}";
        var page = await record.GetChangesAsync(PageToken.Decode(request.PageToken, list), pageSize);
        return new ListProgrammeChangesResponse
        {
            Changes = { page.Changes.Select(c => c.MapToProto()) },
            NextPageToken = page.NextBeforeVersion is { } next ? PageToken.Encode(list, next) : string.Empty,
        };
    }

    public override Task WatchProgrammeManagement(
        WatchProgrammeManagementRequest request, IServerStreamWriter<WatchProgrammeManagementResponse> responseStream, ServerCallContext context) =>
        streams.RunAsync(
            token => watch.RunAsync(ProgrammeGuard.ResumeCursor(request.ResumeCursor), responseStream, context.GetHttpContext(), token),
            context,
            "open the stream again, on another silo, with resume_cursor = the sequence of the last event (or cursor of the last heartbeat) seen.");

    private Task<WriteCommand> CommandAsync(ServerCallContext context, string requestId, long? expectedVersion) =>
        context.WriteCommandAsync(grains, requestId, expectedVersion);

    private ILaborGrain Labor(string laborId) => grains.GetGrain<ILaborGrain>(ProgrammeGuard.Id(laborId, "labor_id"));

    private IKomponenteGrain Komponente(string komponenteId) => grains.GetGrain<IKomponenteGrain>(ProgrammeGuard.Id(komponenteId, "komponente_id"));

    private INachnutzungGrain Nachnutzung(int ozgId, string field = "ozg_id") => grains.GetGrain<INachnutzungGrain>(RequestGuard.OzgId(ozgId, field));

    private ITermineGrain Termine(int ozgId, string field = "ozg_id") => grains.GetGrain<ITermineGrain>(RequestGuard.OzgId(ozgId, field));

    private IBeschlussGrain Beschluss(string nummer, string field) => grains.GetGrain<IBeschlussGrain>(ProgrammeGuard.BeschlussNummer(nummer, field));

    private IOnlinedienstGrain Onlinedienst(string onlinedienstId) =>
        grains.GetGrain<IOnlinedienstGrain>(ProgrammeGuard.Id(onlinedienstId, "onlinedienst_id"));

    private ILeistungSteckbriefGrain Steckbrief(int ozgId) => grains.GetGrain<ILeistungSteckbriefGrain>(RequestGuard.OzgId(ozgId, "steckbrief_ozg_id"));

    private (IProgrammeRecordGrain, string) ZustaendigeKommunen(ZustaendigeKommunenSubject subject)
    {
        var ozgId = RequestGuard.OzgId(subject.OzgId, "zustaendige_kommunen.ozg_id");
        var land = RequestGuard.Land(subject.Land, "zustaendige_kommunen.land");
        return (grains.GetGrain<ILandRolloutGrain>(RolloutKeys.Land(ozgId, land)), $"zustaendige-kommunen-{ozgId}-{land}");
    }

    private (IProgrammeRecordGrain, string) Nutzung(NutzungSubject subject)
    {
        var id = ProgrammeGuard.Id(subject.OnlinedienstId, "nutzung.onlinedienst_id");
        var land = RequestGuard.Land(subject.Land, "nutzung.land");
        var jahr = subject.Jahr >= Monat.Erster.Jahr && subject.Jahr <= 9999
            ? subject.Jahr
            : throw RequestGuard.Invalid("nutzung.jahr", $"Must be a year from {Monat.Erster.Jahr} on, not {subject.Jahr}.");
        return (grains.GetGrain<INutzungGrain>(NutzungKeys.Record(id, land, jahr)), $"nutzung-{id}-{land}-{jahr}");
    }

    private (IProgrammeRecordGrain, string) Anschluss(AnschlussSubject subject)
    {
        var onlinedienstId = ProgrammeGuard.Id(subject.OnlinedienstId, "anschluss.onlinedienst_id");
        var land = RequestGuard.Land(subject.Land, "anschluss.land");
        return (grains.GetGrain<IAnschlussGrain>(AnschlussKeys.Of(onlinedienstId, land)), $"anschluss-{onlinedienstId}-{land}");
    }

    private IProgrammeFiguresGrain Figures() => grains.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key);
}

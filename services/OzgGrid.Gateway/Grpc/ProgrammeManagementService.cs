using System.Collections.Immutable;
using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Gateway.ProgrammeManagement;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Beschluesse;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Dienstleister;
using OzgGrid.Grains.Abstractions.Komponenten;
using OzgGrid.Grains.Abstractions.Labore;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Termine;
using OzgGrid.Grains.Abstractions.Themenfelder;
using OzgGrid.Protos.V1;
using Domain = OzgGrid.Grains.Abstractions;

namespace OzgGrid.Gateway.Grpc;

public sealed class ProgrammeManagementService(IGrainFactory grains, ProgrammeEventWatch watch, ShutdownAwareStreams streams)
    : Protos.V1.ProgrammeManagementService.ProgrammeManagementServiceBase
{
    private const string BeschluesseList = "beschluesse";
    private const string ChangesList = "programme-changes";

    // --- Digitalisierungslabore ---

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

    // --- Reusable components ---

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

    // --- EfA-Nachnutzung ---

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

    // --- Beschlüsse and milestones ---

    public override async Task<RecordBeschlussResponse> RecordBeschluss(RecordBeschlussRequest request, ServerCallContext context)
    {
        var beschluss = request.MapToDomain();
        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        return new RecordBeschlussResponse { Beschluss = (await grains.GetGrain<IBeschlussGrain>(beschluss.Nummer).RecordAsync(command, beschluss)).MapToProto() };
    }

    public override async Task<GetBeschlussResponse> GetBeschluss(GetBeschlussRequest request, ServerCallContext context) =>
        new() { Beschluss = (await Beschluss(request.Nummer, "nummer").GetAsync()).MapToProto() };

    public override async Task<ListBeschluesseResponse> ListBeschluesse(ListBeschluesseRequest request, ServerCallContext context)
    {
        var pageSize = RequestGuard.PageSize(request.PageSize);
        var offset = (int)Math.Min(PageToken.Decode(request.PageToken, BeschluesseList) ?? 0, int.MaxValue);
        var nummern = await grains.GetGrain<IIdSetGrain>(IdSets.Beschluesse).GetAsync();
        var page = nummern.Skip(offset).Take(pageSize).ToList();
        var beschluesse = await Task.WhenAll(page.Select(nummer => grains.GetGrain<IBeschlussGrain>(nummer).GetAsync()));
        return new ListBeschluesseResponse
        {
            Beschluesse = { beschluesse.Select(b => b.MapToProto()) },
            NextPageToken = offset + page.Count < nummern.Count ? PageToken.Encode(BeschluesseList, offset + page.Count) : string.Empty,
        };
    }

    public override async Task<SetMeilensteinResponse> SetMeilenstein(SetMeilensteinRequest request, ServerCallContext context)
    {
        var termine = Termine(request.OzgId);
        var phase = request.Phase.MapToDomain("phase");
        var land = ProgrammeGuard.OptionalLand(request.Land, "land");
        var geplant = ProgrammeGuard.Date(request.PlannedDate, "planned_date");
        if (request.Beschluss.Length > 0)
        {
            // A milestone naming a Beschluss carries it out: the Beschluss must be recorded.
            await Beschluss(request.Beschluss, "beschluss").GetAsync();
        }

        var command = await CommandAsync(context, request.RequestId, request.HasExpectedVersion ? request.ExpectedVersion : null);
        var recorded = await termine.SetMeilensteinAsync(command, new Domain.Termine.Meilenstein(phase, land, geplant, request.Beschluss));
        return new SetMeilensteinResponse { Meilensteine = recorded.MapToProto() };
    }

    public override async Task<GetMeilensteineResponse> GetMeilensteine(GetMeilensteineRequest request, ServerCallContext context) =>
        new() { Meilensteine = (await Termine(request.OzgId).GetAsync()).MapToProto() };

    public override async Task<ListUeberfaelligeLeistungenResponse> ListUeberfaelligeLeistungen(
        ListUeberfaelligeLeistungenRequest request, ServerCallContext context)
    {
        int? themenfeldId = request.HasThemenfeldId ? RequestGuard.ThemenfeldId(request.ThemenfeldId) : null;
        var land = ProgrammeGuard.OptionalLand(request.Land, "land");
        var beschluss = request.Beschluss.Length == 0 ? string.Empty : ProgrammeGuard.BeschlussNummer(request.Beschluss, "beschluss");
        if (themenfeldId is { } known)
        {
            await CatalogGuard.RequireThemenfeldAsync(grains, known);
        }

        var figures = Figures();
        var overdue = await figures.GetUeberfaelligeAsync();
        var snapshot = await figures.GetSnapshotAsync();
        var response = new ListUeberfaelligeLeistungenResponse
        {
            Leistungen =
            {
                overdue.Where(u => (themenfeldId is null || u.ThemenfeldId == themenfeldId)
                        && (land.Length == 0 || u.Meilensteine.Any(m => m.Land == land))
                        && (beschluss.Length == 0 || u.Meilensteine.Any(m => m.Beschluss == beschluss)))
                    .Select(u => u.MapToProto()),
            },
        };
        foreach (var (key, value) in snapshot.Figures)
        {
            if (TryAfter(key, ProgrammeFigureKeys.UeberfaelligThemenfeld(0)[..^1], out var id) && int.TryParse(id, out var themenfeld))
            {
                response.PerThemenfeld[themenfeld] = value;
            }
            else if (TryAfter(key, ProgrammeFigureKeys.UeberfaelligLand(string.Empty), out var kuerzel))
            {
                response.PerLand[kuerzel] = value;
            }
            else if (TryAfter(key, ProgrammeFigureKeys.UeberfaelligBeschluss(string.Empty), out var nummer))
            {
                response.PerBeschluss[nummer] = value;
            }
        }

        return response;
    }

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
            _ => throw RequestGuard.Invalid("subject", "Required: labor_id, komponente_id, nachnutzung_ozg_id, meilensteine_ozg_id or beschluss_nummer."),
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
        streams.RunAsync(token => watch.RunAsync(responseStream, token), context, "open the stream again, on another silo, for a fresh snapshot.");

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

    private Task<WriteCommand> CommandAsync(ServerCallContext context, string requestId, long? expectedVersion) =>
        context.WriteCommandAsync(grains, requestId, expectedVersion);

    private static bool TryAfter(string key, string prefix, out string rest)
    {
        rest = key.StartsWith(prefix, StringComparison.Ordinal) ? key[prefix.Length..] : string.Empty;
        return rest.Length > 0;
    }

    private ILaborGrain Labor(string laborId) => grains.GetGrain<ILaborGrain>(ProgrammeGuard.Id(laborId, "labor_id"));

    private IKomponenteGrain Komponente(string komponenteId) => grains.GetGrain<IKomponenteGrain>(ProgrammeGuard.Id(komponenteId, "komponente_id"));

    private INachnutzungGrain Nachnutzung(int ozgId, string field = "ozg_id") => grains.GetGrain<INachnutzungGrain>(RequestGuard.OzgId(ozgId, field));

    private ITermineGrain Termine(int ozgId, string field = "ozg_id") => grains.GetGrain<ITermineGrain>(RequestGuard.OzgId(ozgId, field));

    private IBeschlussGrain Beschluss(string nummer, string field) => grains.GetGrain<IBeschlussGrain>(ProgrammeGuard.BeschlussNummer(nummer, field));

    private IProgrammeFiguresGrain Figures() => grains.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key);
}

using System.Collections.Frozen;
using Google.Protobuf.Reflection;
using OzgGrid.Gateway.Identity;
using static OzgGrid.Gateway.Policies.RpcMetric;
using static OzgGrid.Gateway.Policies.TimeoutClass;
using AnschlussApi = OzgGrid.Protos.V1.AnschlussService.AnschlussServiceBase;
using Api = OzgGrid.Protos.V1;
using CatalogApi = OzgGrid.Protos.V1.CatalogService.CatalogServiceBase;
using ClusterAdminApi = OzgGrid.Protos.V1.ClusterAdminService.ClusterAdminServiceBase;
using Health = Grpc.Health.V1.Health;
using HealthApi = Grpc.Health.V1.Health.HealthBase;
using ItDienstleisterApi = OzgGrid.Protos.V1.ItDienstleisterService.ItDienstleisterServiceBase;
using LeistungApi = OzgGrid.Protos.V1.LeistungService.LeistungServiceBase;
using MonitoringApi = OzgGrid.Protos.V1.MonitoringService.MonitoringServiceBase;
using NutzungApi = OzgGrid.Protos.V1.NutzungService.NutzungServiceBase;
using OnlinedienstApi = OzgGrid.Protos.V1.OnlinedienstService.OnlinedienstServiceBase;
using ReifegradApi = OzgGrid.Protos.V1.ReifegradService.ReifegradServiceBase;
using ProgrammeApi = OzgGrid.Protos.V1.ProgrammeManagementService.ProgrammeManagementServiceBase;
using ReflectionAlpha = Grpc.Reflection.V1Alpha.ServerReflection;
using ReflectionAlphaApi = Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionBase;
using ReflectionApi = Grpc.Reflection.V1.ServerReflection.ServerReflectionBase;
using ReflectionV1 = Grpc.Reflection.V1.ServerReflection;
using RolloutApi = OzgGrid.Protos.V1.RolloutService.RolloutServiceBase;
using SucheApi = OzgGrid.Protos.V1.SucheService.SucheServiceBase;
using ThemenfeldApi = OzgGrid.Protos.V1.ThemenfeldService.ThemenfeldServiceBase;
using UmsetzungsprojektApi = OzgGrid.Protos.V1.UmsetzungsprojektService.UmsetzungsprojektServiceBase;
using ZustaendigkeitApi = OzgGrid.Protos.V1.ZustaendigkeitService.ZustaendigkeitServiceBase;

namespace OzgGrid.Gateway.Policies;

/// <summary>
/// Every RPC the host serves and its policy, in one table keyed by the generated descriptors: a misspelt method is a
/// compile error (<c>nameof</c>), one missing from its service fails at startup. A method with no policy is refused
/// to everyone (fail closed). What an IT-Dienstleister may change within a method it may call is checked by the grains
/// against its assignment (see <c>LeistungGrain</c>).
/// </summary>
public static class RpcPolicies
{
    private static readonly string[] Everyone = [Roles.ProgrammManagement, Roles.ItDienstleister, Roles.Monitoring];
    private static readonly string[] ManagementOnly = [Roles.ProgrammManagement];
    private static readonly string[] Reporters = [Roles.ProgrammManagement, Roles.ItDienstleister];

    private static readonly ServiceDescriptor Themenfelder = Api.ThemenfeldService.Descriptor;
    private static readonly ServiceDescriptor Leistungen = Api.LeistungService.Descriptor;
    private static readonly ServiceDescriptor Catalog = Api.CatalogService.Descriptor;
    private static readonly ServiceDescriptor Monitoring = Api.MonitoringService.Descriptor;
    private static readonly ServiceDescriptor ItDienstleister = Api.ItDienstleisterService.Descriptor;
    private static readonly ServiceDescriptor ClusterAdmin = Api.ClusterAdminService.Descriptor;
    private static readonly ServiceDescriptor Programme = Api.ProgrammeManagementService.Descriptor;
    private static readonly ServiceDescriptor Rollout = Api.RolloutService.Descriptor;
    private static readonly ServiceDescriptor Projekte = Api.UmsetzungsprojektService.Descriptor;
    private static readonly ServiceDescriptor Onlinedienste = Api.OnlinedienstService.Descriptor;
    private static readonly ServiceDescriptor Zustaendigkeit = Api.ZustaendigkeitService.Descriptor;
    private static readonly ServiceDescriptor Reifegrad = Api.ReifegradService.Descriptor;
    private static readonly ServiceDescriptor Nutzung = Api.NutzungService.Descriptor;
    private static readonly ServiceDescriptor Anschluss = Api.AnschlussService.Descriptor;
    private static readonly ServiceDescriptor Suche = Api.SucheService.Descriptor;

    public static readonly IReadOnlyList<RpcPolicy> All =
    [
        // Callable without a token: orchestrators probe health. Tools discover services (both reflection versions)
        // without a token only in Development; elsewhere the API's shape is shown to callers with a role only.
        Open(Health.Descriptor, nameof(HealthApi.Check), Standard),
        Open(Health.Descriptor, nameof(HealthApi.Watch), Streaming),
        OpenInDevelopment(ReflectionAlpha.Descriptor, nameof(ReflectionAlphaApi.ServerReflectionInfo)),
        OpenInDevelopment(ReflectionV1.Descriptor, nameof(ReflectionApi.ServerReflectionInfo)),

        Policy(Themenfelder, nameof(ThemenfeldApi.ListThemenfelder), Everyone),
        Policy(Themenfelder, nameof(ThemenfeldApi.GetThemenfeld), Everyone),
        Policy(Themenfelder, nameof(ThemenfeldApi.SetFederfuehrung), ManagementOnly),

        Policy(Leistungen, nameof(LeistungApi.ListLeistungen), Everyone),
        Policy(Leistungen, nameof(LeistungApi.GetLeistung), Everyone),
        Policy(Leistungen, nameof(LeistungApi.ListLeistungChanges), Everyone),
        Policy(Leistungen, nameof(LeistungApi.UpdateLeistungStatus), Reporters, metric: UpdateOutcome),
        Policy(Leistungen, nameof(LeistungApi.SetZustaendigkeit), ManagementOnly),

        // A catalogue import into a busy storage takes longer than an ordinary call; its caller should get the report.
        Policy(Catalog, nameof(CatalogApi.ImportCatalog), ManagementOnly, LongRunning),
        Policy(Catalog, nameof(CatalogApi.GetCatalogImport), Everyone),

        Policy(Monitoring, nameof(MonitoringApi.GetProgrammeFigures), Everyone),
        Policy(Monitoring, nameof(MonitoringApi.WatchProgramme), Everyone, Streaming, OpenStream),
        Policy(Monitoring, nameof(MonitoringApi.ExportReport), Everyone),
        Policy(Monitoring, nameof(MonitoringApi.GetProgress), Everyone),
        Policy(Monitoring, nameof(MonitoringApi.GetLeistungAsOf), Everyone),
        Policy(Monitoring, nameof(MonitoringApi.ReconcileFigures), ManagementOnly, LongRunning),

        Policy(ItDienstleister, nameof(ItDienstleisterApi.RegisterItDienstleister), ManagementOnly),
        Policy(ItDienstleister, nameof(ItDienstleisterApi.GetItDienstleister), Everyone),
        Policy(ItDienstleister, nameof(ItDienstleisterApi.ListItDienstleister), Everyone),
        Policy(ItDienstleister, nameof(ItDienstleisterApi.DeactivateItDienstleister), ManagementOnly),
        Policy(ItDienstleister, nameof(ItDienstleisterApi.ReactivateItDienstleister), ManagementOnly),

        Policy(ClusterAdmin, nameof(ClusterAdminApi.GetCluster), ManagementOnly),

        // Programme management: the lab's own results (stage, Blaupausen, its components) may also be written by an
        // IT-Dienstleister taking part in the lab, which the lab and component grains check.
        Policy(Programme, nameof(ProgrammeApi.DefineLabor), ManagementOnly),
        Policy(Programme, nameof(ProgrammeApi.SetLaborTeilnehmer), ManagementOnly),
        Policy(Programme, nameof(ProgrammeApi.SetLaborStufe), Reporters),
        Policy(Programme, nameof(ProgrammeApi.PublishBlaupause), Reporters),
        Policy(Programme, nameof(ProgrammeApi.GetLabor), Everyone),
        Policy(Programme, nameof(ProgrammeApi.ListLabore), Everyone),
        Policy(Programme, nameof(ProgrammeApi.RegisterKomponente), Reporters),
        Policy(Programme, nameof(ProgrammeApi.SetKomponenteNutzung), Reporters),
        Policy(Programme, nameof(ProgrammeApi.GetKomponente), Everyone),
        Policy(Programme, nameof(ProgrammeApi.ListLeistungKomponenten), Everyone),
        Policy(Programme, nameof(ProgrammeApi.SetUmsetzungsland), ManagementOnly),
        Policy(Programme, nameof(ProgrammeApi.SetNachnutzung), ManagementOnly),
        Policy(Programme, nameof(ProgrammeApi.GetNachnutzung), Everyone),
        Policy(Programme, nameof(ProgrammeApi.GetNachnutzungReport), Everyone),
        Policy(Programme, nameof(ProgrammeApi.RecordBeschluss), ManagementOnly, LongRunning),
        Policy(Programme, nameof(ProgrammeApi.GetBeschluss), Everyone),
        Policy(Programme, nameof(ProgrammeApi.ListBeschluesse), Everyone),
        Policy(Programme, nameof(ProgrammeApi.SetMeilenstein), ManagementOnly),
        Policy(Programme, nameof(ProgrammeApi.GetMeilensteine), Everyone),
        Policy(Programme, nameof(ProgrammeApi.ListUeberfaelligeLeistungen), Everyone),
        Policy(Programme, nameof(ProgrammeApi.ListProgrammeChanges), Everyone),
        Policy(Programme, nameof(ProgrammeApi.WatchProgrammeManagement), Everyone, Streaming),

        // Rollout per Kommune: an IT-Dienstleister reports only within its assignment, which the grains check.
        Policy(Rollout, nameof(RolloutApi.ReportRollout), Reporters),
        Policy(Rollout, nameof(RolloutApi.ReportRollouts), Reporters, LongRunning),
        Policy(Rollout, nameof(RolloutApi.GetRollout), Everyone),
        Policy(Rollout, nameof(RolloutApi.ImportKommunen), ManagementOnly, LongRunning),
        Policy(Rollout, nameof(RolloutApi.ListKommunen), Everyone),
        Policy(Rollout, nameof(RolloutApi.ListKreise), Everyone),
        Policy(Rollout, nameof(RolloutApi.GetKommune), Everyone),

        // Umsetzungsprojekte: a project's dates and Onlinedienste may also be written by the IT-Dienstleister leading it,
        // which the project grain checks.
        Policy(Projekte, nameof(UmsetzungsprojektApi.DefineUmsetzungsprojekt), ManagementOnly),
        Policy(Projekte, nameof(UmsetzungsprojektApi.SetProjektBeteiligte), ManagementOnly),
        Policy(Projekte, nameof(UmsetzungsprojektApi.SetProjektFinanzierung), ManagementOnly),
        Policy(Projekte, nameof(UmsetzungsprojektApi.SetProjektPhase), Reporters),
        Policy(Projekte, nameof(UmsetzungsprojektApi.DeferProjektPhase), Reporters),
        Policy(Projekte, nameof(UmsetzungsprojektApi.SetProjektOnlinedienste), Reporters),
        Policy(Projekte, nameof(UmsetzungsprojektApi.GetUmsetzungsprojekt), Everyone),
        Policy(Projekte, nameof(UmsetzungsprojektApi.ListUmsetzungsprojekte), Everyone),
        Policy(Projekte, nameof(UmsetzungsprojektApi.ListLeistungUmsetzungsprojekte), Everyone),
        Policy(Projekte, nameof(UmsetzungsprojektApi.ExportUmsetzungsprojektReport), Everyone),

        // Anschluss: an IT-Dienstleister writes only for the Onlinedienste it offers, in the Länder it serves (the grain checks).
        Policy(Anschluss, nameof(AnschlussApi.SetAnschluss), Reporters),
        Policy(Anschluss, nameof(AnschlussApi.GetAnschluss), Everyone),
        Policy(Anschluss, nameof(AnschlussApi.GetAnschlussFortschritt), Everyone),
        Policy(Anschluss, nameof(AnschlussApi.GetAnschlussPrognose), Everyone),
        Policy(Anschluss, nameof(AnschlussApi.ExportAnschlussReport), Everyone, LongRunning),

        // Onlinedienste: an IT-Dienstleister writes only those it offers (as Anbieter), which the grain checks.
        Policy(Onlinedienste, nameof(OnlinedienstApi.RegisterOnlinedienst), Reporters),
        Policy(Onlinedienste, nameof(OnlinedienstApi.SetOnlinedienstDetails), Reporters),
        Policy(Onlinedienste, nameof(OnlinedienstApi.RateOnlinedienstLeistung), Reporters),
        Policy(Onlinedienste, nameof(OnlinedienstApi.SetOnlinedienstEinsatzgebiet), Reporters),
        Policy(Onlinedienste, nameof(OnlinedienstApi.PublishOnlinedienst), Reporters),
        Policy(Onlinedienste, nameof(OnlinedienstApi.GetOnlinedienst), Everyone),
        Policy(Onlinedienste, nameof(OnlinedienstApi.ListOnlinedienste), Everyone),
        Policy(Onlinedienste, nameof(OnlinedienstApi.ListLeistungOnlinedienste), Everyone),
        Policy(Onlinedienste, nameof(OnlinedienstApi.GetReifegradBlocker), Everyone),
        Policy(Onlinedienste, nameof(OnlinedienstApi.ExportOnlinedienstReport), Everyone),

        // Figures of the Onlinedienste and Umsetzungsprojekte: reads only, for whoever may read those records.
        Policy(Api.OnlinedienstKennzahlenService.Descriptor, nameof(Api.OnlinedienstKennzahlenService.OnlinedienstKennzahlenServiceBase.GetOnlinedienstKennzahlen), Everyone),
        Policy(Api.OnlinedienstKennzahlenService.Descriptor, nameof(Api.OnlinedienstKennzahlenService.OnlinedienstKennzahlenServiceBase.ExportOnlinedienstKennzahlenReport), Everyone),

        // Zuständigkeit and FIM: the responsible Kommunen also by the IT-Dienstleister assigned, in a Land it serves (the Land rollout checks).
        Policy(Zustaendigkeit, nameof(ZustaendigkeitApi.SetZustaendigkeitsebene), ManagementOnly),
        Policy(Zustaendigkeit, nameof(ZustaendigkeitApi.SetFimStatus), ManagementOnly),
        Policy(Zustaendigkeit, nameof(ZustaendigkeitApi.GetSteckbrief), Everyone),
        Policy(Zustaendigkeit, nameof(ZustaendigkeitApi.ListLeistungenByFimStatus), Everyone),
        Policy(Zustaendigkeit, nameof(ZustaendigkeitApi.ExportFimReport), Everyone),
        Policy(Zustaendigkeit, nameof(ZustaendigkeitApi.SetZustaendigeKommunen), Reporters),
        Policy(Zustaendigkeit, nameof(ZustaendigkeitApi.GetZustaendigeKommunen), Everyone),
        Policy(Zustaendigkeit, nameof(ZustaendigkeitApi.ExportZustaendigkeitReport), Everyone),

        // What blocks a Reifegrad level: reads only.
        Policy(Reifegrad, nameof(ReifegradApi.GetLeistungReifegradBlocker), Everyone),
        Policy(Reifegrad, nameof(ReifegradApi.GetProgrammeReifegradBlocker), Everyone),

        // The catalogue search of the page and of ozgctl: a read.
        Policy(Suche, nameof(SucheApi.SucheLeistungen), Everyone),

        // Usage figures: an IT-Dienstleister imports only for the Onlinedienste it offers, in the Länder it serves (the usage record checks).
        // The stream has no timeout (its length is the caller's); its rows are bounded by OzgGrid:Limits.
        Policy(Nutzung, nameof(NutzungApi.ImportNutzung), Reporters, Streaming),
        Policy(Nutzung, nameof(NutzungApi.ImportNutzungBatch), Reporters, LongRunning),
        Policy(Nutzung, nameof(NutzungApi.GetNutzung), Everyone),
        Policy(Nutzung, nameof(NutzungApi.ListNutzungsBefunde), Everyone),
        Policy(Nutzung, nameof(NutzungApi.ExportNutzungReport), Everyone, LongRunning),
    ];

    // ToDictionary throws on a second policy for the same method: that fails at startup too.
    private static readonly FrozenDictionary<string, RpcPolicy> ByPath =
        All.ToDictionary(policy => policy.Path, StringComparer.Ordinal).ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The policy of the method <c>ServerCallContext.Method</c> names; null when it has none (refuse it).</summary>
    public static RpcPolicy? Find(string path) => ByPath.GetValueOrDefault(path);

    /// <summary>The policy of <paramref name="method"/>, for callers inside the host that name the method by its descriptor.</summary>
    public static RpcPolicy Of(MethodDescriptor method) =>
        Find(RpcPolicy.PathOf(method)) ?? throw new InvalidOperationException($"{RpcPolicy.PathOf(method)} has no policy.");

    /// <summary>
    /// The method of <paramref name="service"/> named <paramref name="method"/> (a <c>nameof</c> of the generated base
    /// class, so that a typo does not compile); one missing from the service fails at once.
    /// </summary>
    public static MethodDescriptor MethodOf(ServiceDescriptor service, string method) =>
        service.FindMethodByName(method) ?? throw new InvalidOperationException($"{service.FullName} has no method {method}.");

    private static RpcPolicy Open(ServiceDescriptor service, string method, TimeoutClass timeout) =>
        new(MethodOf(service, method), Anonymous: true, [], timeout, None);

    private static RpcPolicy OpenInDevelopment(ServiceDescriptor service, string method) =>
        new(MethodOf(service, method), Anonymous: false, Everyone, Streaming, None, AnonymousInDevelopment: true);

    private static RpcPolicy Policy(
        ServiceDescriptor service, string method, string[] roles, TimeoutClass timeout = Standard, RpcMetric metric = None) =>
        new(MethodOf(service, method), Anonymous: false, roles, timeout, metric);
}

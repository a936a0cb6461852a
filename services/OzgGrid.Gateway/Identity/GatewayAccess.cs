using System.Collections.Frozen;

namespace OzgGrid.Gateway.Identity;

/// <summary>
/// Which roles may call which method: the one table every call is checked against. A method missing here is refused
/// to everyone (fail closed). What an IT-Dienstleister may change within a method it may call is checked by the
/// Leistung itself, against its assignment (see <c>LeistungGrain</c>).
/// </summary>
public static class GatewayAccess
{
    /// <summary>Callable without a token: orchestrators probe health, tools discover services.</summary>
    public static readonly FrozenSet<string> Anonymous = new[]
    {
        "/grpc.health.v1.Health/Check",
        "/grpc.health.v1.Health/Watch",
        "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
        "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
    }.ToFrozenSet();

    private static readonly string[] Everyone = [Roles.ProgrammManagement, Roles.ItDienstleister, Roles.Monitoring];
    private static readonly string[] ManagementOnly = [Roles.ProgrammManagement];
    private static readonly string[] Reporters = [Roles.ProgrammManagement, Roles.ItDienstleister];

    public static readonly FrozenDictionary<string, string[]> AllowedRoles = new Dictionary<string, string[]>
    {
        ["/ozg.v1.ThemenfeldService/ListThemenfelder"] = Everyone,
        ["/ozg.v1.ThemenfeldService/GetThemenfeld"] = Everyone,
        ["/ozg.v1.ThemenfeldService/SetFederfuehrung"] = ManagementOnly,
        ["/ozg.v1.LeistungService/ListLeistungen"] = Everyone,
        ["/ozg.v1.LeistungService/GetLeistung"] = Everyone,
        ["/ozg.v1.LeistungService/ListLeistungChanges"] = Everyone,
        ["/ozg.v1.LeistungService/UpdateLeistungStatus"] = Reporters,
        ["/ozg.v1.LeistungService/SetZustaendigkeit"] = ManagementOnly,
        ["/ozg.v1.CatalogService/ImportCatalog"] = ManagementOnly,
        ["/ozg.v1.CatalogService/GetCatalogImport"] = Everyone,
        ["/ozg.v1.MonitoringService/GetProgrammeFigures"] = Everyone,
        ["/ozg.v1.MonitoringService/WatchProgramme"] = Everyone,
        ["/ozg.v1.MonitoringService/ExportReport"] = Everyone,
        ["/ozg.v1.MonitoringService/GetProgress"] = Everyone,
        ["/ozg.v1.MonitoringService/GetLeistungAsOf"] = Everyone,
        ["/ozg.v1.MonitoringService/ReconcileFigures"] = ManagementOnly,
        ["/ozg.v1.ItDienstleisterService/RegisterItDienstleister"] = ManagementOnly,
        ["/ozg.v1.ItDienstleisterService/GetItDienstleister"] = Everyone,
        ["/ozg.v1.ItDienstleisterService/ListItDienstleister"] = Everyone,
        ["/ozg.v1.ClusterAdminService/GetCluster"] = ManagementOnly,

        // Programme management: the lab's own results (stage, Blaupausen, its components) may also be written by an
        // IT-Dienstleister taking part in the lab, which the lab and component grains check.
        ["/ozg.v1.ProgrammeManagementService/DefineLabor"] = ManagementOnly,
        ["/ozg.v1.ProgrammeManagementService/SetLaborTeilnehmer"] = ManagementOnly,
        ["/ozg.v1.ProgrammeManagementService/SetLaborStufe"] = Reporters,
        ["/ozg.v1.ProgrammeManagementService/PublishBlaupause"] = Reporters,
        ["/ozg.v1.ProgrammeManagementService/GetLabor"] = Everyone,
        ["/ozg.v1.ProgrammeManagementService/ListLabore"] = Everyone,
        ["/ozg.v1.ProgrammeManagementService/RegisterKomponente"] = Reporters,
        ["/ozg.v1.ProgrammeManagementService/SetKomponenteNutzung"] = Reporters,
        ["/ozg.v1.ProgrammeManagementService/GetKomponente"] = Everyone,
        ["/ozg.v1.ProgrammeManagementService/ListLeistungKomponenten"] = Everyone,
        ["/ozg.v1.ProgrammeManagementService/SetUmsetzungsland"] = ManagementOnly,
        ["/ozg.v1.ProgrammeManagementService/SetNachnutzung"] = ManagementOnly,
        ["/ozg.v1.ProgrammeManagementService/GetNachnutzung"] = Everyone,
        ["/ozg.v1.ProgrammeManagementService/GetNachnutzungReport"] = Everyone,
        ["/ozg.v1.ProgrammeManagementService/RecordBeschluss"] = ManagementOnly,
        ["/ozg.v1.ProgrammeManagementService/GetBeschluss"] = Everyone,
        ["/ozg.v1.ProgrammeManagementService/ListBeschluesse"] = Everyone,
        ["/ozg.v1.ProgrammeManagementService/SetMeilenstein"] = ManagementOnly,
        ["/ozg.v1.ProgrammeManagementService/GetMeilensteine"] = Everyone,
        ["/ozg.v1.ProgrammeManagementService/ListUeberfaelligeLeistungen"] = Everyone,
        ["/ozg.v1.ProgrammeManagementService/ListProgrammeChanges"] = Everyone,
        ["/ozg.v1.ProgrammeManagementService/WatchProgrammeManagement"] = Everyone,

        // Rollout per Kommune: an IT-Dienstleister reports only within its assignment, which the grains check.
        ["/ozg.v1.RolloutService/ReportRollout"] = Reporters,
        ["/ozg.v1.RolloutService/ReportRollouts"] = Reporters,
        ["/ozg.v1.RolloutService/GetRollout"] = Everyone,
        ["/ozg.v1.RolloutService/ImportKommunen"] = ManagementOnly,
        ["/ozg.v1.RolloutService/ListKommunen"] = Everyone,
    }.ToFrozenDictionary();
}

using System.Reflection;
using Google.Protobuf.Reflection;
using OzgGrid.Gateway.Identity;
using OzgGrid.Gateway.Policies;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Tests.Policies;

public sealed class RpcPoliciesTests
{
    /// <summary>Every method of every ozg.v1 service, found in the generated descriptors (new proto files included).</summary>
    private static readonly MethodDescriptor[] ApiMethods = [.. typeof(CommonReflection).Assembly.GetTypes()
        .Where(type => type.Name.EndsWith("Reflection", StringComparison.Ordinal))
        .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
        .OfType<FileDescriptor>()
        .Where(file => file.Package == "ozg.v1")
        .SelectMany(file => file.Services)
        .SelectMany(service => service.Methods)];

    /// <summary>What the host maps beside the API: health checks and both versions of server reflection.</summary>
    private static readonly MethodDescriptor[] HostMethods =
    [
        .. global::Grpc.Health.V1.Health.Descriptor.Methods,
        .. global::Grpc.Reflection.V1Alpha.ServerReflection.Descriptor.Methods,
        .. global::Grpc.Reflection.V1.ServerReflection.Descriptor.Methods,
    ];

    private static readonly string[] ApiPaths = [.. ApiMethods.Select(RpcPolicy.PathOf)];

    [Fact]
    public void The_descriptors_hold_the_api_methods()
    {
        Assert.Contains("/ozg.v1.LeistungService/UpdateLeistungStatus", ApiPaths);
        Assert.Contains("/ozg.v1.MonitoringService/WatchProgramme", ApiPaths);
    }

    [Fact]
    public void Every_method_of_every_ozg_v1_service_and_of_health_and_reflection_has_exactly_one_policy()
    {
        var served = ApiMethods.Concat(HostMethods).Select(RpcPolicy.PathOf).ToArray();

        Assert.All(served, path => Assert.Single(RpcPolicies.All, policy => policy.Path == path));
    }

    [Fact]
    public void No_policy_names_a_method_that_is_not_served()
    {
        var served = ApiMethods.Concat(HostMethods).Select(RpcPolicy.PathOf);

        Assert.Empty(RpcPolicies.All.Select(policy => policy.Path).Except(served));
    }

    [Fact]
    public void Every_policy_with_a_token_names_known_roles_and_an_anonymous_one_names_none()
    {
        Assert.All(RpcPolicies.All, policy =>
        {
            if (policy.Anonymous)
            {
                Assert.Empty(policy.Roles);
            }
            else
            {
                Assert.NotEmpty(policy.Roles);
                Assert.Empty(policy.Roles.Except(Roles.All));
            }
        });
    }

    [Fact]
    public void No_api_method_is_open_without_a_token()
    {
        Assert.Empty(RpcPolicies.All.Where(policy => policy.Anonymous).Select(policy => policy.Path).Intersect(ApiPaths));
    }

    [Fact]
    public void Exactly_the_streaming_methods_are_in_the_stream_timeout_class()
    {
        Assert.All(RpcPolicies.All, policy =>
            Assert.Equal(policy.Method.IsServerStreaming || policy.Method.IsClientStreaming, policy.Timeout == TimeoutClass.Streaming));
    }

    [Fact]
    public void The_imports_bulk_reports_reports_of_every_Land_reconciliation_and_Beschluesse_run_under_the_long_timeout()
    {
        var longCalls = RpcPolicies.All.Where(policy => policy.Timeout == TimeoutClass.LongRunning).Select(policy => policy.Path);

        Assert.Equal(
            [
                "/ozg.v1.AnschlussService/ExportAnschlussReport", "/ozg.v1.CatalogService/ImportCatalog", "/ozg.v1.MonitoringService/ReconcileFigures",
                "/ozg.v1.NutzungService/ExportNutzungReport", "/ozg.v1.NutzungService/ImportNutzungBatch", "/ozg.v1.ProgrammeManagementService/RecordBeschluss", "/ozg.v1.RolloutService/ImportKommunen",
                "/ozg.v1.RolloutService/ReportRollouts",
            ],
            longCalls.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Status_updates_count_their_outcomes_and_the_monitoring_stream_counts_as_open_stream()
    {
        Assert.Equal(RpcMetric.UpdateOutcome, RpcPolicies.Find("/ozg.v1.LeistungService/UpdateLeistungStatus")?.Metric);
        Assert.Equal(RpcMetric.OpenStream, RpcPolicies.Find("/ozg.v1.MonitoringService/WatchProgramme")?.Metric);
        Assert.Equal(2, RpcPolicies.All.Count(policy => policy.Metric != RpcMetric.None));
    }

    [Fact]
    public void A_method_is_found_by_its_descriptor_and_an_unknown_path_has_no_policy()
    {
        var getLeistung = LeistungService.Descriptor.FindMethodByName(nameof(LeistungService.LeistungServiceBase.GetLeistung));

        Assert.Equal("/ozg.v1.LeistungService/GetLeistung", RpcPolicies.Of(getLeistung).Path);
        Assert.Null(RpcPolicies.Find("/ozg.v1.LeistungService/DeleteEverything"));
    }

    [Theory]
    [InlineData("/ozg.v1.ThemenfeldService/SetFederfuehrung")]
    [InlineData("/ozg.v1.LeistungService/SetZustaendigkeit")]
    [InlineData("/ozg.v1.CatalogService/ImportCatalog")]
    [InlineData("/ozg.v1.MonitoringService/ReconcileFigures")]
    [InlineData("/ozg.v1.ItDienstleisterService/RegisterItDienstleister")]
    [InlineData("/ozg.v1.RolloutService/ImportKommunen")]
    public void Management_methods_are_open_to_the_programme_management_only(string method)
    {
        Assert.Equal([Roles.ProgrammManagement], RpcPolicies.Find(method)?.Roles);
    }

    [Fact]
    public void The_monitoring_role_may_call_no_method_that_changes_data()
    {
        var writes = new[]
        {
            "/ozg.v1.ThemenfeldService/SetFederfuehrung", "/ozg.v1.LeistungService/UpdateLeistungStatus",
            "/ozg.v1.LeistungService/SetZustaendigkeit", "/ozg.v1.CatalogService/ImportCatalog",
            "/ozg.v1.MonitoringService/ReconcileFigures", "/ozg.v1.ItDienstleisterService/RegisterItDienstleister",
        };

        Assert.All(writes, method => Assert.DoesNotContain(Roles.Monitoring, RpcPolicies.Find(method)?.Roles ?? []));
    }
}

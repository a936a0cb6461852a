using System.Reflection;
using Google.Protobuf.Reflection;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Tests.Identity;

public sealed class GatewayAccessTests
{
    /// <summary>Every method of every ozg.v1 service, as gRPC names it, found in the generated descriptors (new proto files included).</summary>
    private static readonly string[] ApiMethods = [.. typeof(CommonReflection).Assembly.GetTypes()
        .Where(type => type.Name.EndsWith("Reflection", StringComparison.Ordinal))
        .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
        .OfType<FileDescriptor>()
        .Where(file => file.Package == "ozg.v1")
        .SelectMany(file => file.Services)
        .SelectMany(service => service.Methods.Select(method => $"/{service.FullName}/{method.Name}"))];

    [Fact]
    public void The_descriptors_hold_the_api_methods()
    {
        Assert.Contains("/ozg.v1.LeistungService/UpdateLeistungStatus", ApiMethods);
        Assert.Contains("/ozg.v1.MonitoringService/WatchProgramme", ApiMethods);
    }

    [Fact]
    public void Every_method_of_every_ozg_v1_service_says_which_roles_may_call_it()
    {
        var undecided = ApiMethods.Where(method => !GatewayAccess.AllowedRoles.ContainsKey(method));

        Assert.Empty(undecided);
    }

    [Fact]
    public void Every_entry_of_the_access_table_names_an_existing_method_and_known_roles()
    {
        Assert.Empty(GatewayAccess.AllowedRoles.Keys.Except(ApiMethods));
        Assert.All(GatewayAccess.AllowedRoles, entry =>
        {
            Assert.NotEmpty(entry.Value);
            Assert.Empty(entry.Value.Except(Roles.All));
        });
    }

    [Fact]
    public void No_api_method_is_open_without_a_token()
    {
        Assert.Empty(GatewayAccess.Anonymous.Intersect(ApiMethods));
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
        Assert.Equal([Roles.ProgrammManagement], GatewayAccess.AllowedRoles[method]);
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

        Assert.All(writes, method => Assert.DoesNotContain(Roles.Monitoring, GatewayAccess.AllowedRoles[method]));
    }
}

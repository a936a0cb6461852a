using System.Net;
using System.Net.Http.Headers;
using OzgGrid.Gateway.Identity;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>The programme page configured otherwise than by default, on a host of its own.</summary>
public sealed class ProgrammeDashboardSettingsTests
{
    [Fact]
    public async Task With_a_token_required_the_page_refuses_a_request_without_one_and_answers_a_monitoring_token()
    {
        await using var host = await TestHost.StartAsync(ClusterScope.CreateNew(),
            "--OzgGrid:ProgrammeDashboard:RequireToken=true", "--OzgGrid:Catalog:ImportOnFirstStart=false");
        using var http = new HttpClient { BaseAddress = host.HttpAddress };
        using var withToken = new HttpRequestMessage(HttpMethod.Get, "/programm/");
        withToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.TokenFor(Roles.Monitoring, "dashboard-viewer"));

        using var anonymous = await http.GetAsync("/programm/api/ereignisse");
        using var allowed = await http.SendAsync(withToken);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task With_the_page_disabled_its_path_is_not_found()
    {
        await using var host = await TestHost.StartAsync(ClusterScope.CreateNew(),
            "--OzgGrid:ProgrammeDashboard:Enabled=false", "--OzgGrid:Catalog:ImportOnFirstStart=false");
        using var http = new HttpClient { BaseAddress = host.HttpAddress };

        using var response = await http.GetAsync("/programm/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

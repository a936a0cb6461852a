using System.Net;
using System.Net.Http.Headers;
using OzgGrid.Gateway.Identity;

namespace OzgGrid.Silo.Tests.Observability;

[Collection(ObservabilityCollection.Name)]
public sealed class DashboardRegistrationTests(ObservabilityFixture fixture)
{
    [Fact]
    public async Task Outside_Development_the_dashboard_refuses_a_request_without_a_token()
    {
        using var response = await fixture.Http.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Outside_Development_the_dashboard_refuses_a_token_without_the_programme_management_role()
    {
        using var response = await GetDashboardAsync(fixture.Host.TokenFor(Roles.Monitoring, "dashboard-viewer"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Outside_Development_the_dashboard_answers_a_programme_management_token()
    {
        using var response = await GetDashboardAsync(fixture.Host.TokenFor(Roles.ProgrammManagement, "x"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Orleans", await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> GetDashboardAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await fixture.Http.SendAsync(request);
    }
}

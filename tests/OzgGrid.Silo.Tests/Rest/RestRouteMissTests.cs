using System.Net;
using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Rest;

/// <summary>
/// A call under /v1/ that no route serves (a misspelt path, a method the route does not take) is answered like every
/// other REST/JSON error: a google.rpc.Status body saying what to do, not an empty page.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class RestRouteMissTests(GatewayFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Host.HttpAddress };
    private readonly string _monitoring = fixture.Host.TokenFor(Roles.Monitoring, "rest-route-miss");

    [Fact]
    public async Task A_path_no_route_serves_is_404_with_a_status_naming_the_OpenAPI_document()
    {
        var missed = await RestCall.SendAsync(_http, HttpMethod.Get, "/v1/leistungenn", _monitoring);

        Assert.Equal(HttpStatusCode.NotFound, missed.Status);
        Assert.Equal("application/json", missed.ContentType);
        Assert.Equal((int)StatusCode.NotFound, missed.Code);
        Assert.Contains("/openapi/v1.json", missed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_method_the_route_does_not_take_is_405_with_a_status_naming_the_OpenAPI_document()
    {
        var missed = await RestCall.SendAsync(_http, HttpMethod.Delete, $"/v1/leistungen/{KnownData.ElterngeldOzgId}", _monitoring);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, missed.Status);
        Assert.Equal("application/json", missed.ContentType);
        Assert.Equal((int)StatusCode.NotFound, missed.Code);
        Assert.Contains("DELETE", missed.Message, StringComparison.Ordinal);
        Assert.Contains("/openapi/v1.json", missed.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _http.Dispose();
}

using System.Net;
using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Rest;

/// <summary>
/// Path variables and query parameters of the REST/JSON routes read as strictly as the body: a misspelt filter, a
/// field of a write put in the query, a second value or a value of the wrong type is a 400 naming the field.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class RestQueryCheckTests(GatewayFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Host.HttpAddress };
    private readonly string _monitoring = fixture.Host.TokenFor(Roles.Monitoring, "rest-query-monitoring");
    private readonly string _management = fixture.Host.TokenFor(Roles.ProgrammManagement, "rest-query-management");

    [Theory]
    [InlineData("/v1/leistungen?reifegrad_min=3", "reifegrad_min")]
    [InlineData("/v1/leistungen?themenfeld=3", "themenfeld")]
    [InlineData("/v1/leistungen/abc", "ozg_id")]
    [InlineData("/v1/leistungen/99999999999", "ozg_id")]
    [InlineData("/v1/leistungen/10000?ozg_id=10001", "ozg_id")]
    [InlineData("/v1/leistungen/10000?ozgId=10001", "ozgId")]
    [InlineData("/v1/themenfelder/x", "themenfeld_id")]
    [InlineData("/v1/leistungen?themenfeld_id=abc", "themenfeld_id")]
    [InlineData("/v1/leistungen?page_size=99999999999", "page_size")]
    [InlineData("/v1/leistungen?themenfeld_id=3&themenfeld_id=4", "themenfeld_id")]
    [InlineData("/v1/reports:export?kind=REPORT_KIND_FOO", "kind")]
    [InlineData("/v1/figures?as_of=yesterday", "as_of")]
    public async Task A_parameter_that_is_not_one_of_the_call_or_not_of_its_type_is_400_naming_it_first(string path, string field)
    {
        var refused = await RestCall.SendAsync(_http, HttpMethod.Get, path, _monitoring);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal((int)StatusCode.InvalidArgument, refused.Code);
        Assert.StartsWith($"{field}: ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expected_version_put_in_the_query_of_a_write_is_400_and_the_write_is_not_applied()
    {
        var ozgId = fixture.TakeOzgId();

        var refused = await RestCall.SendAsync(_http, HttpMethod.Post, $"/v1/leistungen/{ozgId}:setStatus?expectedVersion=7", _management,
            $$"""{"requestId":"{{Guid.NewGuid()}}","reifegrad":2}""");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.StartsWith("expectedVersion: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("body", refused.Message, StringComparison.Ordinal);
        var read = await RestCall.SendAsync(_http, HttpMethod.Get, $"/v1/leistungen/{ozgId}", _monitoring);
        Assert.Equal("1", read.Json.GetProperty("leistung").GetProperty("version").GetString());
    }

    [Fact]
    public async Task Parameters_by_proto_or_JSON_name_enums_by_name_or_number_and_timestamps_are_read()
    {
        var byProtoName = await RestCall.SendAsync(_http, HttpMethod.Get, "/v1/leistungen?themenfeld_id=3&page_size=2", _monitoring);
        var byJsonName = await RestCall.SendAsync(_http, HttpMethod.Get, "/v1/leistungen?themenfeldId=3&pageSize=2", _monitoring);
        var all = await RestCall.SendAsync(_http, HttpMethod.Get, "/v1/leistungen?page_size=1", _monitoring);
        var byName = await RestCall.SendAsync(_http, HttpMethod.Get, "/v1/reports:export?kind=REPORT_KIND_LAENDER", _monitoring);
        var byNumber = await RestCall.SendAsync(_http, HttpMethod.Get, "/v1/reports:export?kind=2", _monitoring);
        var asOf = await RestCall.SendAsync(_http, HttpMethod.Get, "/v1/figures?as_of=2024-01-01T00:00:00Z", _monitoring);

        Assert.Equal(HttpStatusCode.OK, byProtoName.Status);
        Assert.Equal(
            byProtoName.Json.GetProperty("leistungen").EnumerateArray().Select(l => l.GetProperty("ozgId").GetInt32()),
            byJsonName.Json.GetProperty("leistungen").EnumerateArray().Select(l => l.GetProperty("ozgId").GetInt32()));
        Assert.True(byProtoName.Json.GetProperty("totalSize").GetInt32() < all.Json.GetProperty("totalSize").GetInt32());
        Assert.All(byProtoName.Json.GetProperty("leistungen").EnumerateArray(), l => Assert.Equal(3, l.GetProperty("themenfeldId").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, byName.Status);
        // The figures may move between the two calls (other tests write); the report they name may not.
        Assert.Equal(byName.Json.GetProperty("fileName").GetString(), byNumber.Json.GetProperty("fileName").GetString());
        Assert.Equal(HttpStatusCode.OK, asOf.Status);
    }

    public void Dispose() => _http.Dispose();
}

using System.Net;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using OzgGrid.Gateway;
using OzgGrid.Gateway.Identity;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Rest;

/// <summary>
/// What the REST/JSON face makes of a body's Content-Type and of proto3 JSON that other encoders write: JSON is read
/// as UTF-8 only, and whatever proto3 JSON allows is read as it allows it.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class RestBodyCheckTests(GatewayFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Host.HttpAddress };
    private readonly string _management = fixture.Host.TokenFor(Roles.ProgrammManagement, "rest-body-management");

    [Theory]
    [InlineData("application/json; charset=iso-8859-1", "iso-8859-1")]
    [InlineData("application/json; charset=utf-16", "utf-16")]
    [InlineData("application/json; charset=utf8", "utf8")]
    [InlineData("application/json; charset=no-such-charset", "no-such-charset")]
    public async Task A_body_in_another_charset_than_UTF_8_is_400_naming_it_and_changes_nothing(string contentType, string charset)
    {
        var ozgId = fixture.TakeOzgId();
        var misspelt = $$"""{"requestId":"{{Guid.NewGuid()}}","reifegrad":2,"reifegradd":3}""";

        var refused = await RestCall.SendAsync(_http, HttpMethod.Post, $"/v1/leistungen/{ozgId}:setStatus", _management, misspelt, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal((int)StatusCode.InvalidArgument, refused.Code);
        Assert.Contains(charset, refused.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", refused.Message, StringComparison.Ordinal);
        var read = await RestCall.SendAsync(_http, HttpMethod.Get, $"/v1/leistungen/{ozgId}", _management);
        Assert.Equal("1", read.Json.GetProperty("leistung").GetProperty("version").GetString());
    }

    [Fact]
    public async Task A_read_whose_Content_Type_names_an_unknown_charset_is_400_not_500()
    {
        var refused = await RestCall.SendAsync(_http, HttpMethod.Get, "/v1/themenfelder", _management, contentType: "application/json; charset=no-such-charset");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal((int)StatusCode.InvalidArgument, refused.Code);
        Assert.Contains("no-such-charset", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json;charset=UTF-8")]
    public async Task A_body_in_UTF_8_is_read_however_the_charset_is_spelt(string contentType)
    {
        var ozgId = fixture.TakeOzgId();

        var written = await RestCall.SendAsync(_http, HttpMethod.Post, $"/v1/leistungen/{ozgId}:setStatus", _management,
            $$"""{"requestId":"{{Guid.NewGuid()}}","reifegrad":2}""", contentType);

        Assert.True(written.Status == HttpStatusCode.OK, written.Json.ToString());
        Assert.Equal(2, written.Json.GetProperty("status").GetProperty("reifegrad").GetInt32());
    }

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("2.0")]
    [InlineData("2e0")]
    public async Task An_integer_written_as_proto3_JSON_allows_is_read_as_that_integer(string reifegrad)
    {
        var ozgId = fixture.TakeOzgId();

        var written = await RestCall.SendAsync(_http, HttpMethod.Post, $"/v1/leistungen/{ozgId}:setStatus", _management,
            $$"""{"requestId":"{{Guid.NewGuid()}}","reifegrad":{{reifegrad}},"expectedVersion":1}""");

        Assert.True(written.Status == HttpStatusCode.OK, written.Json.ToString());
        Assert.Equal(2, written.Json.GetProperty("status").GetProperty("reifegrad").GetInt32());
        Assert.Equal("2", written.Json.GetProperty("version").GetString());
    }

    [Theory]
    [InlineData("9007199254740993", "")]
    [InlineData("-9007199254740993", "")]
    [InlineData("9007199254740993", "\uFEFF")]
    public async Task A_bare_JSON_number_too_large_to_be_read_exactly_is_400_asking_for_a_string(string expectedVersion, string byteOrderMark)
    {
        // Read as a double it would become 9007199254740992: a write guarded by the wrong version.
        var ozgId = fixture.TakeOzgId();

        var refused = await RestCall.SendAsync(_http, HttpMethod.Post, $"/v1/leistungen/{ozgId}:setStatus", _management,
            byteOrderMark + $$"""{"requestId":"{{Guid.NewGuid()}}","reifegrad":2,"expectedVersion":{{expectedVersion}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal((int)StatusCode.InvalidArgument, refused.Code);
        Assert.Contains(expectedVersion, refused.Message, StringComparison.Ordinal);
        Assert.Contains("string", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_starts_with_a_byte_order_mark_is_read_as_if_it_had_none()
    {
        var ozgId = fixture.TakeOzgId();

        var written = await RestCall.SendAsync(_http, HttpMethod.Post, $"/v1/leistungen/{ozgId}:setStatus", _management,
            "\uFEFF" + $$"""{"requestId":"{{Guid.NewGuid()}}","reifegrad":2}""");

        Assert.True(written.Status == HttpStatusCode.OK, written.Json.ToString());
        Assert.Equal(2, written.Json.GetProperty("status").GetProperty("reifegrad").GetInt32());
    }

    [Fact]
    public async Task A_whole_Kommunen_register_within_the_message_limit_is_imported_though_its_JSON_is_longer()
    {
        // Rheinland-Pfalz: 2,300 Gemeinden, about 150 KB as a message (gRPC takes it) and about 290 KB as JSON. The
        // register is imported as shipped, so nothing changes for other tests.
        var register = ShippedRegister.Of("RP");
        var kommunen = register.Select(k => new { ags = k.Ags, name = k.Name, kreisAgs = k.Ags[..5], kreisName = k.KreisName, ars = k.Ars, einwohner = k.Einwohner });
        var body = JsonSerializer.Serialize(new { requestId = Guid.NewGuid().ToString(), land = "RP", kommunen });
        Assert.True(Encoding.UTF8.GetByteCount(body) > GatewayRegistration.MaxRequestBytes, "The register's JSON is not over the message limit.");

        var imported = await RestCall.SendAsync(_http, HttpMethod.Post, "/v1/kommunen:import", _management, body);

        Assert.True(imported.Status == HttpStatusCode.OK, imported.Json.ToString());
        Assert.Equal(register.Length, imported.Json.GetProperty("count").GetInt32());
    }

    public void Dispose() => _http.Dispose();
}

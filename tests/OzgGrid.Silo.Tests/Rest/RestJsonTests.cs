using System.Net;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Rest;

/// <summary>
/// The REST/JSON face driven as a plain HTTP client would: no gRPC client, proto3 JSON in and out, errors as
/// google.rpc.Status with the HTTP status a REST client expects.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class RestJsonTests(GatewayFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Host.HttpAddress };
    private readonly string _management = fixture.Host.TokenFor(Roles.ProgrammManagement, "rest-management");

    [Fact]
    public async Task The_Themenfelder_are_listed_and_one_is_read()
    {
        var list = await RestCall.SendAsync(_http, HttpMethod.Get, "/v1/themenfelder", _management);

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal("application/json", list.ContentType);
        Assert.Equal(KnownData.Themenfelder, list.Json.GetProperty("themenfelder").GetArrayLength());

        var one = await RestCall.SendAsync(_http, HttpMethod.Get, "/v1/themenfelder/1", _management);
        Assert.Equal(HttpStatusCode.OK, one.Status);
        Assert.Equal(1, one.Json.GetProperty("themenfeld").GetProperty("themenfeldId").GetInt32());
    }

    [Fact]
    public async Task A_Leistung_is_read_with_its_version_as_a_string_and_an_unknown_one_is_not_found()
    {
        var leistung = await RestCall.SendAsync(_http, HttpMethod.Get, $"/v1/leistungen/{KnownData.ElterngeldOzgId}", _management);

        Assert.Equal(HttpStatusCode.OK, leistung.Status);
        var body = leistung.Json.GetProperty("leistung");
        Assert.Equal(KnownData.ElterngeldOzgId, body.GetProperty("ozgId").GetInt32());
        Assert.Equal(JsonValueKind.String, body.GetProperty("version").ValueKind);

        var unknown = await RestCall.SendAsync(_http, HttpMethod.Get, "/v1/leistungen/999999", _management);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal((int)StatusCode.NotFound, unknown.Code);
    }

    [Fact]
    public async Task A_read_over_REST_answers_the_same_message_as_over_gRPC()
    {
        var client = new LeistungService.LeistungServiceClient(fixture.Host.Channel);
        var suche = new SucheService.SucheServiceClient(fixture.Host.Channel);
        var leistung = await client.GetLeistungAsync(new GetLeistungRequest { OzgId = KnownData.ElterngeldOzgId });
        var changes = await client.ListLeistungChangesAsync(new ListLeistungChangesRequest { OzgId = KnownData.ElterngeldOzgId });
        var found = await suche.SucheLeistungenAsync(new SucheLeistungenRequest { Query = "10000" });

        Assert.Equal(leistung, await ReadAsAsync<GetLeistungResponse>($"/v1/leistungen/{KnownData.ElterngeldOzgId}"));
        Assert.Equal(changes, await ReadAsAsync<ListLeistungChangesResponse>($"/v1/leistungen/{KnownData.ElterngeldOzgId}/changes"));
        Assert.Equal(found, await ReadAsAsync<SucheLeistungenResponse>("/v1/suche?query=10000"));
        Assert.NotEmpty(changes.Changes);
        Assert.NotEmpty(found.Leistungen);
    }

    [Fact]
    public async Task A_Beschluss_number_keeps_its_slash_in_the_path()
    {
        var unknown = await RestCall.SendAsync(_http, HttpMethod.Get, "/v1/beschluesse/2099/99", _management);
        var malformed = await RestCall.SendAsync(_http, HttpMethod.Get, "/v1/beschluesse/2099", _management);

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Contains("2022/23", malformed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_with_a_request_id_is_applied_once_and_a_replay_gets_the_same_answer()
    {
        var ozgId = fixture.TakeOzgId();
        var write = $$"""{"requestId":"{{Guid.NewGuid()}}","reifegrad":2,"phase":"UMSETZUNGSPHASE_KONZEPTION"}""";

        var first = await RestCall.SendAsync(_http, HttpMethod.Post, $"/v1/leistungen/{ozgId}:setStatus", _management, write);
        var replay = await RestCall.SendAsync(_http, HttpMethod.Post, $"/v1/leistungen/{ozgId}:setStatus", _management, write);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, replay.Status);
        Assert.Equal(first.Json.GetProperty("version").GetString(), replay.Json.GetProperty("version").GetString());
        Assert.Equal(2, first.Json.GetProperty("status").GetProperty("reifegrad").GetInt32());
        Assert.Equal("UMSETZUNGSPHASE_KONZEPTION", first.Json.GetProperty("status").GetProperty("phase").GetString());

        var read = await RestCall.SendAsync(_http, HttpMethod.Get, $"/v1/leistungen/{ozgId}", _management);
        Assert.Equal(first.Json.GetProperty("version").GetString(), read.Json.GetProperty("leistung").GetProperty("version").GetString());
        var changes = await RestCall.SendAsync(_http, HttpMethod.Get, $"/v1/leistungen/{ozgId}/changes?page_size=50", _management);
        Assert.Single(changes.Json.GetProperty("changes").EnumerateArray(), change => change.GetProperty("kind").GetString() == "CHANGE_KIND_STATUS");
    }

    [Fact]
    public async Task A_stale_expected_version_is_409_Conflict_naming_the_current_version()
    {
        var ozgId = fixture.TakeOzgId();
        var written = await RestCall.SendAsync(_http, HttpMethod.Post, $"/v1/leistungen/{ozgId}:setStatus", _management,
            $$"""{"requestId":"{{Guid.NewGuid()}}","reifegrad":1}""");
        var current = long.Parse(written.Json.GetProperty("version").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        var stale = await RestCall.SendAsync(_http, HttpMethod.Post, $"/v1/leistungen/{ozgId}:setStatus", _management,
            $$"""{"requestId":"{{Guid.NewGuid()}}","expectedVersion":"{{current - 1}}","reifegrad":3}""");

        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Equal((int)StatusCode.Aborted, stale.Code);
        Assert.Contains($"current version is {current}", stale.Message, StringComparison.Ordinal);
        Assert.Equal(current.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(stale.Headers.GetValues("ozg-current-version")));
    }

    [Fact]
    public async Task A_call_without_a_token_is_401_and_a_role_not_allowed_is_403()
    {
        var ozgId = fixture.TakeOzgId();
        var anonymous = await RestCall.SendAsync(_http, HttpMethod.Get, "/v1/themenfelder");
        var monitoring = fixture.Host.TokenFor(Roles.Monitoring, "rest-monitoring");
        var wrongRole = await RestCall.SendAsync(_http, HttpMethod.Post, $"/v1/leistungen/{ozgId}:setStatus", monitoring,
            $$"""{"requestId":"{{Guid.NewGuid()}}","reifegrad":1}""");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal((int)StatusCode.Unauthenticated, anonymous.Code);
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.Status);
        Assert.Equal((int)StatusCode.PermissionDenied, wrongRole.Code);
        Assert.Contains("programm-management", wrongRole.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"requestId":"x","reifegrad":""", "")]
    [InlineData("""not json""", "")]
    [InlineData("""{"requestId":"x","reifegrad":2,"reifegradd":3}""", "reifegradd")]
    [InlineData("""{"requestId":"x","phase":"UMSETZUNGSPHASE_FERTIG"}""", "UMSETZUNGSPHASE_FERTIG")]
    [InlineData("""{"requestId":"x","reifegrad":"zwei"}""", "")]
    public async Task A_body_that_is_no_valid_request_is_400_with_a_status_saying_why(string body, string named)
    {
        var ozgId = fixture.TakeOzgId();

        var refused = await RestCall.SendAsync(_http, HttpMethod.Post, $"/v1/leistungen/{ozgId}:setStatus", _management, body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("application/json", refused.ContentType);
        Assert.Equal((int)StatusCode.InvalidArgument, refused.Code);
        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
        var unchanged = await RestCall.SendAsync(_http, HttpMethod.Get, $"/v1/leistungen/{ozgId}/changes", _management);
        Assert.DoesNotContain(unchanged.Json.GetProperty("changes").EnumerateArray(), change => change.GetProperty("kind").GetString() == "CHANGE_KIND_STATUS");
    }

    [Fact]
    public async Task A_body_over_the_request_limit_is_413()
    {
        var body = $$"""{"requestId":"{{new string('x', Gateway.GatewayRegistration.MaxRequestBytes)}}"}""";

        var refused = await RestCall.SendAsync(_http, HttpMethod.Post, $"/v1/leistungen/{KnownData.ElterngeldOzgId}:setStatus", _management, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.Status);
        Assert.Equal((int)StatusCode.ResourceExhausted, refused.Code);
    }

    [Fact]
    public async Task WatchProgramme_streams_newline_delimited_JSON_a_snapshot_then_the_changes()
    {
        var ozgId = fixture.TakeOzgId();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/figures:watch?ozg_ids={ozgId}");
        request.Headers.Authorization = new("Bearer", _management);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        using var lines = new StreamReader(await response.Content.ReadAsStreamAsync(deadline.Token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var first = JsonDocument.Parse(await lines.ReadLineAsync(deadline.Token) ?? "null"))
        {
            Assert.True(first.RootElement.TryGetProperty("snapshot", out _), first.RootElement.ToString());
        }

        var written = await RestCall.SendAsync(_http, HttpMethod.Post, $"/v1/leistungen/{ozgId}:setStatus", _management,
            $$"""{"requestId":"{{Guid.NewGuid()}}","reifegrad":3}""");
        Assert.Equal(HttpStatusCode.OK, written.Status);
        while (await lines.ReadLineAsync(deadline.Token) is { } line)
        {
            using var message = JsonDocument.Parse(line);
            var changes = message.RootElement.TryGetProperty("leistungChanged", out var one) ? [one]
                : message.RootElement.TryGetProperty("changeBatch", out var batch) ? batch.GetProperty("changes").EnumerateArray().ToArray()
                : [];
            if (changes.Any(change => change.GetProperty("leistung").GetProperty("version").GetString() == written.Json.GetProperty("version").GetString()))
            {
                return;
            }
        }

        Assert.Fail("The stream ended without the change.");
    }

    [Fact]
    public async Task WatchProgrammeManagement_streams_newline_delimited_JSON_starting_with_a_snapshot()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/programme/changes:watch");
        request.Headers.Authorization = new("Bearer", _management);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        using var lines = new StreamReader(await response.Content.ReadAsStreamAsync(deadline.Token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var first = JsonDocument.Parse(await lines.ReadLineAsync(deadline.Token) ?? "null");
        Assert.True(first.RootElement.TryGetProperty("snapshot", out _), first.RootElement.ToString());
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A REST answer read back as the proto message gRPC answers, strictly (an unknown field fails).</summary>
    private async Task<T> ReadAsAsync<T>(string path)
        where T : IMessage<T>, new()
    {
        var call = await RestCall.SendAsync(_http, HttpMethod.Get, path, _management);
        Assert.True(call.Status == HttpStatusCode.OK, $"{path}: {call.Status} {call.Json}");
        return JsonParser.Default.Parse<T>(call.Json.GetRawText());
    }
}

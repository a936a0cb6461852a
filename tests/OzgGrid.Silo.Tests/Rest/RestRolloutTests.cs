using System.Net;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Rest;

/// <summary>
/// Rollout reports over REST/JSON, as a Land's portal would send them: one Kommune, a batch, a retry, and the Land's
/// rollout read back; a monitoring token may read but not report, and a bad value is a 400 naming the field.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class RestRolloutTests(GatewayFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Host.HttpAddress };
    private readonly string _management = fixture.Host.TokenFor(Roles.ProgrammManagement, "rest-rollout-management");
    private readonly string _monitoring = fixture.Host.TokenFor(Roles.Monitoring, "rest-rollout-monitor");

    [Fact]
    public async Task A_report_a_batch_and_a_retry_over_REST_make_the_Land_rollout_that_GetRollout_reads_back()
    {
        var ozgId = fixture.TakeOzgId();
        await fixture.Leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = NewId(), Reifegrad = 3 });
        var (first, second, third) = (ShippedRegister.Ags("NW", 1), ShippedRegister.Ags("NW", 2), ShippedRegister.Ags("NW", 3));

        var single = $$"""{"requestId":"{{NewId()}}","report":{"ozgId":{{ozgId}},"ags":"{{first}}","verfuegbarkeit":"KOMMUNE_VERFUEGBARKEIT_ONLINE","reifegrad":3} }""";
        var byMonitoring = await RestCall.SendAsync(_http, HttpMethod.Post, "/v1/rollouts:report", _monitoring, single);
        Assert.Equal(HttpStatusCode.Forbidden, byMonitoring.Status);
        var reported = await RestCall.SendAsync(_http, HttpMethod.Post, "/v1/rollouts:report", _management, single);
        Assert.True(reported.Status == HttpStatusCode.OK, reported.Json.ToString());
        var entry = reported.Json.GetProperty("entry");
        Assert.Equal((first, "KOMMUNE_VERFUEGBARKEIT_ONLINE", "1"),
            (entry.GetProperty("ags").GetString(), entry.GetProperty("verfuegbarkeit").GetString(), entry.GetProperty("version").GetString()));
        var retried = await RestCall.SendAsync(_http, HttpMethod.Post, "/v1/rollouts:report", _management, single);
        Assert.Equal(HttpStatusCode.OK, retried.Status);
        Assert.Equal(entry.ToString(), retried.Json.GetProperty("entry").ToString());

        var batch = $$"""
            {"requestId":"{{NewId()}}","entries":[
              {"ozgId":{{ozgId}},"ags":"{{second}}","verfuegbarkeit":"KOMMUNE_VERFUEGBARKEIT_PILOT","reifegrad":2},
              {"ozgId":{{ozgId}},"ags":"{{third}}","verfuegbarkeit":"KOMMUNE_VERFUEGBARKEIT_ONLINE","reifegrad":9}]}
            """;
        var batched = await RestCall.SendAsync(_http, HttpMethod.Post, "/v1/rollouts:reportBatch", _management, batch);
        Assert.True(batched.Status == HttpStatusCode.OK, batched.Json.ToString());
        Assert.Equal((1, 1), (batched.Json.GetProperty("acceptedCount").GetInt32(), batched.Json.GetProperty("refusedCount").GetInt32()));
        var refused = batched.Json.GetProperty("results")[1];
        Assert.Equal("ROLLOUT_RESULT_CODE_INVALID_ARGUMENT", refused.GetProperty("code").GetString());
        Assert.Contains("reifegrad", refused.GetProperty("reason").GetString());

        var rollout = await RestCall.SendAsync(_http, HttpMethod.Get, $"/v1/leistungen/{ozgId}/rollout?land=NW", _monitoring);
        Assert.True(rollout.Status == HttpStatusCode.OK, rollout.Json.ToString());
        Assert.Equal((1, 1, 2), (rollout.Json.GetProperty("onlineKommunen").GetInt32(), rollout.Json.GetProperty("pilotKommunen").GetInt32(),
            rollout.Json.GetProperty("reportedEntries").GetInt32()));
        Assert.Equal("VERFUEGBARKEIT_IN_MINDESTENS_EINER_KOMMUNE", rollout.Json.GetProperty("verfuegbarkeit").GetString());
        Assert.Equal([first, second], rollout.Json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("ags").GetString()).Order());
    }

    [Fact]
    public async Task A_report_with_an_unknown_Kommune_or_a_malformed_AGS_is_refused_over_REST_naming_it()
    {
        var ozgId = fixture.TakeOzgId();
        var malformed = await RestCall.SendAsync(_http, HttpMethod.Post, "/v1/rollouts:report", _management,
            $$"""{"requestId":"{{NewId()}}","report":{"ozgId":{{ozgId}},"ags":"05x","verfuegbarkeit":"KOMMUNE_VERFUEGBARKEIT_ONLINE","reifegrad":3} }""");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Contains("ags", malformed.Message);

        var unknown = await RestCall.SendAsync(_http, HttpMethod.Post, "/v1/rollouts:report", _management,
            $$"""{"requestId":"{{NewId()}}","report":{"ozgId":{{ozgId}},"ags":"05999999","verfuegbarkeit":"KOMMUNE_VERFUEGBARKEIT_ONLINE","reifegrad":3} }""");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("05999999", unknown.Message);

        var none = await RestCall.SendAsync(_http, HttpMethod.Get, $"/v1/leistungen/{ozgId}/rollout?land=NW", _monitoring);
        Assert.Equal(HttpStatusCode.OK, none.Status);
        Assert.Equal(0, none.Json.TryGetProperty("reportedEntries", out var count) ? count.GetInt32() : 0);
    }

    public void Dispose() => _http.Dispose();

    private static string NewId() => Guid.NewGuid().ToString("N");
}

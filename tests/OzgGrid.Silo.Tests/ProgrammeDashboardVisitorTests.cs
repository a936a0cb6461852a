using System.Net.Http.Headers;
using System.Text.Json;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// The programme page shows an anonymous visitor aggregates and statuses only, no names and no request ids; a visitor
/// with a token (as a proxy adds it) sees who changed what.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ProgrammeDashboardVisitorTests(GatewayFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Host.HttpAddress };

    [Fact]
    public async Task An_anonymous_visitor_reads_a_Leistung_and_its_history_without_names_or_request_ids()
    {
        var (ozgId, requestId) = await ChangeAsync(reifegrad: 2);

        var leistung = await _http.GetStringAsync($"/programm/api/leistungen/{ozgId}");
        var history = await _http.GetStringAsync($"/programm/api/leistungen/{ozgId}/aenderungen");

        AssertNamesNoOne(leistung, requestId);
        AssertNamesNoOne(history, requestId);
        using var json = JsonDocument.Parse(history);
        var change = json.RootElement.GetProperty("changes")[0];
        Assert.Equal("2", change.GetProperty("version").GetString());
        Assert.Equal("reifegrad", change.GetProperty("fields")[0].GetProperty("field").GetString());
        Assert.Equal("2", change.GetProperty("fields")[0].GetProperty("after").GetString());
    }

    [Fact]
    public async Task A_visitor_with_a_monitoring_token_reads_who_changed_a_Leistung_and_the_request_id()
    {
        var (ozgId, requestId) = await ChangeAsync(reifegrad: 2);

        var leistung = await GetAsync($"/programm/api/leistungen/{ozgId}", Token());
        var history = await GetAsync($"/programm/api/leistungen/{ozgId}/aenderungen", Token());

        using var json = JsonDocument.Parse(history);
        var change = json.RootElement.GetProperty("changes")[0];
        Assert.Equal(TestHost.ManagementSubject, change.GetProperty("changedBy").GetString());
        Assert.Equal(requestId, change.GetProperty("requestId").GetString());
        Assert.Contains(TestHost.ManagementSubject, leistung, StringComparison.Ordinal);
        Assert.Contains(requestId, leistung, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_visitor_s_event_stream_carries_the_changes_and_figures_without_names()
    {
        using var events = await ServerSentEvents.OpenAsync(_http, "/programm/api/ereignisse");
        var snapshot = await events.ReadUntilAsync((name, _) => name == "snapshot", "the snapshot");

        var (ozgId, requestId) = await ChangeAsync(reifegrad: 3);
        var read = await events.ReadUntilAsync((name, data) => name == "changeBatch" && Mentions(data, ozgId), $"the change of {ozgId}");

        Assert.Contains("\"figures\"", snapshot[^1].Data, StringComparison.Ordinal);
        Assert.Contains("\"changedFigures\"", read[^1].Data, StringComparison.Ordinal);
        Assert.All(snapshot.Concat(read), sent => AssertNamesNoOne(sent.Data, requestId));
    }

    [Fact]
    public async Task A_visitor_with_a_token_gets_the_event_stream_with_who_changed_what()
    {
        using var events = await ServerSentEvents.OpenAsync(_http, "/programm/api/ereignisse", Token());
        await events.ReadUntilAsync((name, _) => name == "snapshot", "the snapshot");

        var (ozgId, _) = await ChangeAsync(reifegrad: 3);
        var read = await events.ReadUntilAsync((name, data) => name == "changeBatch" && Mentions(data, ozgId), $"the change of {ozgId}");

        using var batch = JsonDocument.Parse(read[^1].Data);
        var change = batch.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("leistung").GetProperty("ozgId").GetInt32() == ozgId);
        Assert.Equal(TestHost.ManagementSubject, change.GetProperty("changedBy").GetString());
    }

    /// <summary>Every changedBy and requestId is empty, and neither the writer's subject nor the write's request id shows anywhere.</summary>
    private static void AssertNamesNoOne(string json, string requestId)
    {
        Assert.DoesNotContain(TestHost.ManagementSubject, json, StringComparison.Ordinal);
        Assert.DoesNotContain(requestId, json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.All(PropertiesNamed(document.RootElement, "changedBy", "requestId"), value => Assert.Equal("", value.GetString()));
    }

    private static IEnumerable<JsonElement> PropertiesNamed(JsonElement element, params string[] names) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(property =>
            names.Contains(property.Name) ? [property.Value] : PropertiesNamed(property.Value, names)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(item => PropertiesNamed(item, names)),
        _ => [],
    };

    private static bool Mentions(string changeBatch, int ozgId)
    {
        using var json = JsonDocument.Parse(changeBatch);
        return json.RootElement.GetProperty("changes").EnumerateArray().Any(change => change.GetProperty("leistung").GetProperty("ozgId").GetInt32() == ozgId);
    }

    private async Task<(int OzgId, string RequestId)> ChangeAsync(int reifegrad)
    {
        var ozgId = fixture.TakeOzgId();
        var requestId = Guid.NewGuid().ToString();
        await fixture.Leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = requestId, Reifegrad = reifegrad });
        return (ozgId, requestId);
    }

    private string Token() => fixture.Host.TokenFor(Roles.Monitoring, "dashboard-behind-proxy");

    private async Task<string> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public void Dispose() => _http.Dispose();
}

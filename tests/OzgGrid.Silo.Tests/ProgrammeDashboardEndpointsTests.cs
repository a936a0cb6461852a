using System.Net;
using System.Text.Json;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>The programme page's reads and event stream over plain HTTP: what a browser (or a proxy) gets.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ProgrammeDashboardEndpointsTests(GatewayFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Host.HttpAddress };

    [Fact]
    public async Task The_page_is_served_without_a_token_as_German_HTML()
    {
        using var response = await _http.GetAsync("/programm/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"de\">", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_figures_read_gives_what_GetProgrammeFigures_gives_as_protobuf_JSON()
    {
        var expected = (await fixture.Monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest())).Figures;

        using var json = JsonDocument.Parse(await _http.GetStringAsync("/programm/api/kennzahlen"));

        var figures = json.RootElement.GetProperty("figures");
        Assert.Equal(KnownData.Leistungen.ToString(), figures.GetProperty("leistungen").GetString());
        Assert.Equal(KnownData.Themenfelder, figures.GetProperty("themenfelder").GetArrayLength());
        Assert.Equal(expected.Laender.Select(l => l.Land), figures.GetProperty("laender").EnumerateArray().Select(l => l.GetProperty("land").GetString()));
    }

    [Fact]
    public async Task A_Leistung_and_its_history_are_read_and_an_unknown_one_is_not_found()
    {
        using var leistung = JsonDocument.Parse(await _http.GetStringAsync($"/programm/api/leistungen/{KnownData.ElterngeldOzgId}"));
        using var history = JsonDocument.Parse(await _http.GetStringAsync($"/programm/api/leistungen/{KnownData.ElterngeldOzgId}/aenderungen"));
        using var unknown = await _http.GetAsync("/programm/api/leistungen/999999");

        Assert.Equal(KnownData.ElterngeldOzgId, leistung.RootElement.GetProperty("leistung").GetProperty("ozgId").GetInt32());
        Assert.Equal("CHANGE_KIND_KATALOG", history.RootElement.GetProperty("changes").EnumerateArray().Last().GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_event_stream_starts_with_a_snapshot_and_resumes_from_its_cursor()
    {
        var first = await FirstEventAsync(lastEventId: null);
        var resumed = await FirstEventAsync(lastEventId: first.Id);

        Assert.Equal("snapshot", first.Name);
        Assert.Contains("\"leistungen\"", first.Data);
        Assert.Equal("resumed", resumed.Name);
        Assert.Equal(first.Id, resumed.Id);
    }

    private async Task<(string Name, string Id, string Data)> FirstEventAsync(string? lastEventId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/programm/api/ereignisse");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        string name = string.Empty, id = string.Empty, data = string.Empty;
        while (await reader.ReadLineAsync(timeout.Token) is { } line && line.Length > 0)
        {
            var (field, value) = (line[..line.IndexOf(':')], line[(line.IndexOf(':') + 2)..]);
            (name, id, data) = field switch
            {
                "event" => (value, id, data),
                "id" => (name, value, data),
                _ => (name, id, value),
            };
        }

        return (name, id, data);
    }

    public void Dispose() => _http.Dispose();
}

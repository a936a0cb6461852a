using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Gateway.Identity;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Rest;

/// <summary>
/// The register, the Anschluss checklist and forecast and the usage figures over REST/JSON, as a portal would call them:
/// written by the programme management, read by monitoring, the write refused to monitoring with 403.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class RestKommunenAnschlussNutzungTests(GatewayFixture fixture) : IDisposable
{
    /// <summary>A Land no test of the collection imports a Gebietsstand for.</summary>
    private const string Land = "SL";

    private readonly HttpClient _http = new() { BaseAddress = fixture.Host.HttpAddress };
    private readonly string _management = fixture.Host.TokenFor(Roles.ProgrammManagement, "rest-management");
    private readonly string _monitoring = fixture.Host.TokenFor(Roles.Monitoring, "rest-monitor");

    [Fact]
    public async Task The_register_a_checklist_the_forecast_and_usage_are_written_and_read_over_REST()
    {
        var register = ShippedRegister.Of(Land);
        var (ags, kreis) = (register[0].Ags, register[0].Ags[..5]);

        var kreise = await GetAsync($"/v1/kreise?land={Land}");
        Assert.Equal(register.Select(k => k.Ags[..5]).Distinct().Count(), kreise.GetProperty("kreise").GetArrayLength());
        var kommunen = await GetAsync($"/v1/kommunen?land={Land}&kreis_ags={kreis}&page_size=500");
        Assert.Equal(register.Where(k => k.Ags.StartsWith(kreis, StringComparison.Ordinal)).Select(k => k.Ags),
            kommunen.GetProperty("kommunen").EnumerateArray().Select(k => k.GetProperty("ags").GetString()));
        Assert.Equal(register[0].Name, (await GetAsync($"/v1/kommunen/{ags}")).GetProperty("kommune").GetProperty("name").GetString());

        var seed = new OnlinedienstSeed(fixture.Host.Channel);
        var (ozgId, leikaKey) = await seed.LeistungAsync(fixture.TakeOzgId);
        var dienst = await seed.InUseAsync(await seed.AnbieterAsync(), leikaKey, 3, 3, Land);
        var geplant = fixture.Host.Services.GetRequiredService<ProgrammeClock>().Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var set = await RestCall.SendAsync(_http, HttpMethod.Post, $"/v1/onlinedienste/{dienst}/anschluss", _management,
            $$"""{"requestId":"{{NewId()}}","aenderungen":[{"ags":"{{ags}}","schritt":"ANSCHLUSS_SCHRITT_GO_LIVE_GEPLANT","wert":"{{geplant}}"}]}""");
        Assert.True(set.Status == HttpStatusCode.OK, set.Json.ToString());
        Assert.Equal("1", set.Json.GetProperty("version").GetString());

        var checklist = await GetAsync($"/v1/onlinedienste/{dienst}/anschluss/{ags}");
        Assert.Equal(geplant, checklist.GetProperty("kommune").GetProperty("eintraege")[0].GetProperty("wert").GetString());
        var fortschritt = await GetAsync($"/v1/onlinedienste/{dienst}/laender/{Land}/anschluss");
        Assert.Equal(1, fortschritt.GetProperty("landStand").GetProperty("begonnen").GetInt32());
        var prognose = await GetAsync($"/v1/leistungen/{ozgId}/laender/{Land}/prognose?page_size=500");
        Assert.Equal(register.Length, prognose.GetProperty("fehlendeKommunen").GetInt32());
        var first = prognose.GetProperty("fehlende")[0];
        Assert.Equal((ags, "ANSCHLUSS_SCHRITT_NACHNUTZUNGSVEREINBARUNG", geplant),
            (first.GetProperty("ags").GetString(), first.GetProperty("blocker").GetString(), first.GetProperty("goLiveGeplant").GetString()));
        var report = await GetAsync($"/v1/reports/anschluss?land={Land}&teil=ANSCHLUSS_REPORT_TEIL_PROGNOSE");
        Assert.Contains(ReportTable.Read(report.GetProperty("csv").GetString()!).Rows, r => r["ozg_id"] == ozgId.ToString(CultureInfo.InvariantCulture));

        var monat = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var import = $$"""{"requestId":"{{NewId()}}","rows":[{"onlinedienstId":"{{dienst}}","ags":"{{ags}}","monat":"{{monat}}","transaktionen":"12"}]}""";
        var byMonitoring = await RestCall.SendAsync(_http, HttpMethod.Post, "/v1/nutzung:import", _monitoring, import);
        Assert.Equal(HttpStatusCode.Forbidden, byMonitoring.Status);
        var imported = await RestCall.SendAsync(_http, HttpMethod.Post, "/v1/nutzung:import", _management, import);
        Assert.True(imported.Status == HttpStatusCode.OK, imported.Json.ToString());
        Assert.Equal(1, imported.Json.GetProperty("rows").GetInt32());
        var nutzung = await GetAsync($"/v1/nutzung/{Land}?kreis={kreis}&onlinedienst_id={dienst}&from={monat}&to={monat}");
        Assert.Equal("12", nutzung.GetProperty("transaktionen").GetString());
        Assert.True((await RestCall.SendAsync(_http, HttpMethod.Get, $"/v1/nutzungsbefunde?land={Land}", _monitoring)).Status == HttpStatusCode.OK);
        var nutzungReport = await GetAsync($"/v1/reports/nutzung?land={Land}&teil=NUTZUNG_REPORT_TEIL_MONATE");
        Assert.Contains(dienst, nutzungReport.GetProperty("csv").GetString());
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A read as monitoring, which must answer 200.</summary>
    private async Task<System.Text.Json.JsonElement> GetAsync(string path)
    {
        var call = await RestCall.SendAsync(_http, HttpMethod.Get, path, _monitoring);
        Assert.True(call.Status == HttpStatusCode.OK, $"{path}: {call.Status} {call.Json}");
        return call.Json;
    }

    private static string NewId() => Guid.NewGuid().ToString();
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;
using static Microsoft.Playwright.Assertions;
using static OzgGrid.Silo.Tests.Hosting.AnschlussChecklist;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// A Land's view in headless Chromium with the shipped register: its Kreise with the counts ListKreise gives, a Kreis's
/// Kommunen a page at a time, the Destatis attribution under both; a Leistung in a Land with its rollout and the Anschluss
/// forecast written over gRPC (missing Kommunen, their blocker, the flächendeckend date or why there is none), without
/// who set an item for an anonymous visitor. Each view passes the accessibility checks and leaves a screenshot.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ProgrammePageKreiseTests(GatewayFixture fixture) : ProgrammePageTest
{
    /// <summary>How long a view may take to load or draw (polled, not waited).</summary>
    private static readonly float Deadline = 15_000;

    private readonly RolloutService.RolloutServiceClient _rollout = new(fixture.Host.Channel);

    [Fact]
    public async Task The_Land_view_lists_its_Kreise_with_the_registers_counts_and_a_Kreis_its_Kommunen_under_the_attribution()
    {
        var kreise = await _rollout.ListKreiseAsync(new ListKreiseRequest { Land = "NW" });
        Assert.NotEmpty(kreise.Attribution);
        var page = await OpenAsync("/programm/#/land/NW", width: 1280, height: 2000);

        var rows = page.Locator("#land-kreise-tabelle tbody tr");
        await Expect(rows).ToHaveCountAsync(kreise.Kreise.Count, new() { Timeout = Deadline });
        Assert.Equal(kreise.Kreise.Select(k => k.KreisAgs), await AttributesAsync(rows, "data-kreis"));
        Assert.Equal(kreise.Kreise.Select(k => k.Name), await rows.Locator("th").AllInnerTextsAsync());
        Assert.Equal(kreise.Kreise.Select(k => Number(k.Kommunen)), await rows.Locator("td.kommunen").AllInnerTextsAsync());
        Assert.Equal(kreise.Kreise.Select(k => Number(k.Einwohner)), await rows.Locator("td.einwohner").AllInnerTextsAsync());
        await Expect(page.Locator("#land-kreise-quelle")).ToHaveTextAsync(kreise.Attribution);
        await AssertAccessibleAsync(page, "the Land view with its Kreise");
        await page.Locator("#land-kreise").ScreenshotAsync(new LocatorScreenshotOptions { Path = TestArtefacts.ScreenshotPath("programm-land-kreise.png") });

        // The Kreis with the most Kommunen opens its list.
        var kreis = kreise.Kreise.MaxBy(k => k.Kommunen)!;
        var kommunen = await _rollout.ListKommunenAsync(new ListKommunenRequest { Land = "NW", KreisAgs = kreis.KreisAgs, PageSize = 500 });
        await page.Locator($"#land-kreise-tabelle tr[data-kreis='{kreis.KreisAgs}'] a").ClickAsync();

        Assert.EndsWith($"#/land/NW/kreis/{kreis.KreisAgs}", page.Url);
        var kommunenRows = page.Locator("#land-kommunen-tabelle tbody tr");
        await Expect(kommunenRows).ToHaveCountAsync(kreis.Kommunen, new() { Timeout = Deadline });
        Assert.Equal(kommunen.Kommunen.Select(k => k.Name), await kommunenRows.Locator("th").AllInnerTextsAsync());
        Assert.Equal(kommunen.Kommunen.Select(k => k.Ags), await AttributesAsync(kommunenRows, "data-ags"));
        await Expect(page.Locator("#land-kommunen-anzahl")).ToContainTextAsync($"{kreis.Name}: {Number(kreis.Kommunen)} Kommunen");
        await Expect(page.Locator("#land-kommunen-quelle")).ToHaveTextAsync(kommunen.Attribution);
        await Expect(page.Locator("#land-kommunen-titel")).ToBeFocusedAsync();
        await Expect(page.Locator("#land-kommunen-mehr")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page, "a Kreis's Kommunen");
        await page.Locator("#land-kommunen").ScreenshotAsync(new LocatorScreenshotOptions { Path = TestArtefacts.ScreenshotPath("programm-kreis-kommunen.png") });
    }

    [Fact]
    public async Task A_Kreis_with_more_Kommunen_than_a_page_lists_them_a_page_at_a_time_by_deep_link()
    {
        // The largest Kreis of Rheinland-Pfalz (Eifelkreis Bitburg-Prüm in the shipped register) has more than one page.
        var kreis = (await _rollout.ListKreiseAsync(new ListKreiseRequest { Land = "RP" })).Kreise.MaxBy(k => k.Kommunen)!;
        Assert.True(kreis.Kommunen > 100, $"{kreis.Name} has {kreis.Kommunen} Kommunen, fewer than a page");
        var page = await OpenAsync($"/programm/#/land/RP/kreis/{kreis.KreisAgs}", width: 1280, height: 1200);
        var rows = page.Locator("#land-kommunen-tabelle tbody tr");

        await Expect(rows).ToHaveCountAsync(100, new() { Timeout = Deadline });
        while (await page.Locator("#land-kommunen-mehr").CountAsync() > 0)
        {
            var shown = await rows.CountAsync();
            await page.Locator("#land-kommunen-mehr").ClickAsync();
            await Expect(rows).Not.ToHaveCountAsync(shown, new() { Timeout = Deadline });
        }

        await Expect(rows).ToHaveCountAsync(kreis.Kommunen);
        var ags = await AttributesAsync(rows, "data-ags");
        Assert.Equal(ags.Order(StringComparer.Ordinal), ags);
        Assert.All(ags, a => Assert.StartsWith(kreis.KreisAgs, a));
        await Expect(page.Locator($"#land-kreise-tabelle tr[data-kreis='{kreis.KreisAgs}'] a")).ToHaveAttributeAsync("aria-current", "true");
    }

    [Fact]
    public async Task A_Leistung_in_a_Land_shows_its_rollout_and_the_missing_Kommunen_with_their_blocker_and_the_forecast()
    {
        var (ozgId, onlinedienst) = await OnlinedienstInNwAsync();
        var nw = (await _rollout.ListKommunenAsync(new ListKommunenRequest { Land = "NW", PageSize = 10 })).Kommunen.Select(k => k.Ags).ToList();
        var (k1, k2, k3) = (nw[1], nw[2], nw[3]);
        var today = fixture.Host.Services.GetRequiredService<ProgrammeClock>().Today;
        await new ZustaendigkeitService.ZustaendigkeitServiceClient(fixture.Host.Channel).SetZustaendigeKommunenAsync(new SetZustaendigeKommunenRequest
        {
            OzgId = ozgId, Land = "NW", RequestId = NewId(), Art = ZustaendigeKommunenArt.Liste, Ags = { k1, k2, k3 },
        });
        var anschluss = new AnschlussService.AnschlussServiceClient(fixture.Host.Channel);
        await anschluss.SetAnschlussAsync(Request(onlinedienst,
        [
            .. Bis(k1, today, AnschlussSchritt.BestaetigtDurchKommune),
            .. Bis(k2, today, AnschlussSchritt.PvogEintrag), Item(k2, AnschlussSchritt.GoLiveGeplant, Day(today.AddDays(10))),
            Item(k3, AnschlussSchritt.Nachnutzungsvereinbarung, Day(today)),
        ]));
        await Eventually.ReturnsAsync(
            () => _rollout.GetRolloutAsync(new GetRolloutRequest { OzgId = ozgId, Land = "NW" }).ResponseAsync,
            r => r.OnlineKommunen == 1, "the confirmed Kommune online in the Leistung's rollout");

        var page = await OpenAsync($"/programm/#/leistung/{ozgId}/land/NW", width: 1280, height: 1800);

        var daten = page.Locator("#leistung-im-land-daten");
        await Expect(daten.Locator("dt:text-is('Online') + dd")).ToHaveTextAsync("1 von 3 zuständigen Kommunen", new() { Timeout = Deadline });
        await Expect(daten.Locator("dt:text-is('Verfügbarkeit im Land') + dd")).ToHaveTextAsync("in mindestens einer Kommune");
        var nwRegister = (await _rollout.ListKreiseAsync(new ListKreiseRequest { Land = "NW" })).Kreise.Sum(k => k.Kommunen);
        await Expect(daten.Locator("dt:text-is('Online im ganzen Land') + dd")).ToHaveTextAsync($"1 von {Number(nwRegister)} Kommunen des Registers");
        await Expect(daten.Locator("dt:text-is('Fehlende Kommunen') + dd")).ToHaveTextAsync("2");
        await Expect(daten.Locator("dt:text-is('Flächendeckend ab') + dd")).ToHaveTextAsync("unbekannt: 1 fehlende Kommune hat keinen geplanten Go-Live");
        var rows = page.Locator("#leistung-im-land-fehlende tbody tr");
        Assert.Equal([k2, k3], await AttributesAsync(rows, "data-ags"));
        await Expect(rows.Nth(0).Locator(".blocker")).ToHaveTextAsync("offen: Fachverfahren");
        await Expect(rows.Nth(0)).ToContainTextAsync(Day(today.AddDays(10)));
        await Expect(rows.Nth(1).Locator(".blocker")).ToHaveTextAsync("offen: Zustellweg");
        await Expect(rows.Nth(1)).ToContainTextAsync("nicht geplant");
        await Expect(rows.Nth(1)).ToContainTextAsync(onlinedienst);
        await AssertAccessibleAsync(page, "a Leistung's rollout and forecast in a Land");
        await page.Locator("#leistung-im-land").ScreenshotAsync(new LocatorScreenshotOptions { Path = TestArtefacts.ScreenshotPath("programm-leistung-prognose.png") });

        // With a Go-Live planned for the last missing Kommune, the forecast has a date: the latest planned one.
        await anschluss.SetAnschlussAsync(Request(onlinedienst, [Item(k3, AnschlussSchritt.GoLiveGeplant, Day(today.AddDays(20)))]));
        await page.ReloadAsync();
        await Expect(daten.Locator("dt:text-is('Flächendeckend ab') + dd")).ToHaveTextAsync(Day(today.AddDays(20)), new() { Timeout = Deadline });

        // Nor does an anonymous visitor learn who set an item or reported the rollout.
        using var anonymous = new HttpClient { BaseAddress = fixture.Host.HttpAddress };
        foreach (var read in new[] { "prognose", "rollout" })
        {
            var json = await anonymous.GetStringAsync($"/programm/api/leistungen/{ozgId}/laender/NW/{read}");
            Assert.DoesNotContain(TestHost.ManagementSubject, json);
        }
    }

    /// <summary>A Leistung of its own with an Onlinedienst rated for it and in use in all of NW, offered by an IT-Dienstleister serving NW.</summary>
    private async Task<(int OzgId, string OnlinedienstId)> OnlinedienstInNwAsync()
    {
        var anbieter = $"itdl-{Guid.NewGuid():N}"[..20];
        await new ItDienstleisterService.ItDienstleisterServiceClient(fixture.Host.Channel).RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest
        {
            Id = anbieter, RequestId = NewId(), Name = "Anbieter", Laender = { "NW" }, Contact = "ozg@anbieter.example",
        });
        var seed = new OnlinedienstSeed(fixture.Host.Channel);
        var (ozgId, leikaKey) = await seed.LeistungAsync(fixture.TakeOzgId);
        return (ozgId, await seed.InUseAsync(anbieter, leikaKey, 3, 3, "NW"));
    }

    private static SetAnschlussRequest Request(string onlinedienst, IEnumerable<AnschlussAenderung> items) =>
        new() { OnlinedienstId = onlinedienst, RequestId = NewId(), Aenderungen = { items } };

    private static async Task<List<string>> AttributesAsync(ILocator rows, string name) =>
        [.. (await rows.EvaluateAllAsync<string[]>($"rows => rows.map(r => r.getAttribute('{name}'))"))];

    private static string NewId() => Guid.NewGuid().ToString();

    private Task<IPage> OpenAsync(string path, int width, int height) => OpenAsync(fixture.Host, path, width, height);
}

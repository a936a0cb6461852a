using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// The programme page's views in headless Chromium, after writes through gRPC: the map of the Länder and a Land's view,
/// a Leistung's page by deep link (status, timeline, milestones, an Onlinedienst, its criteria and what blocks the next
/// level, following a new rating live), the search; each view passes the accessibility checks and leaves a screenshot.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ProgrammePageViewsTests(GatewayFixture fixture) : ProgrammePageTest
{
    /// <summary>How long a view may take to load, draw or follow a change (polled, not waited).</summary>
    private static readonly float Deadline = 15_000;

    [Fact]
    public async Task The_map_shows_the_sixteen_Laender_with_the_shares_of_the_figures_and_a_tile_opens_the_Land()
    {
        var ozgId = fixture.TakeOzgId();
        await fixture.Leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
        {
            OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 3,
            Verfuegbarkeit = new LandVerfuegbarkeit { Land = "NW", Verfuegbarkeit = Verfuegbarkeit.Flaechendeckend },
        });
        await Eventually.ReturnsAsync(ReadFiguresAsync, f => f.Laender.Single(l => l.Land == "NW").Flaechendeckend > 0, "NW counting a flächendeckend Leistung");

        var page = await OpenAsync("/programm/", width: 1280, height: 2400);

        await Expect(page.Locator("#karte .kachel")).ToHaveCountAsync(16, new() { Timeout = Deadline });

        // Other tests' derived values may still move the figures while the page loads; the page follows them live, so
        // it must come to show the figures as they are read at the same moment.
        var (figures, _) = await Eventually.ReturnsAsync(
            async () => (Figures: await ReadFiguresAsync(), Tiles: await TileTextsAsync(page)),
            seen => seen.Tiles == TileTexts(seen.Figures),
            "each tile showing its Land's shares of the programme figures",
            TimeSpan.FromMilliseconds(Deadline));
        foreach (var land in figures.Laender)
        {
            await Expect(page.Locator($"#kachel-{land.Land}")).ToContainTextAsync(land.Name);
        }

        await Expect(page.Locator("#legende li")).ToHaveCountAsync(5);
        await AssertAccessibleAsync(page, "the map");
        await page.Locator("section:has(#karte)").ScreenshotAsync(new LocatorScreenshotOptions { Path = TestArtefacts.ScreenshotPath("programm-karte.png") });

        await page.Locator("#kachel-NW").ClickAsync();

        Assert.EndsWith("#/land/NW", page.Url);
        await Expect(page.Locator("#land-titel")).ToHaveTextAsync("Nordrhein-Westfalen (NW)");
        await Expect(page.Locator("#land-titel")).ToBeFocusedAsync();
        await ShowsNwFlaechendeckendAsync(page);
        var row = page.Locator($"#land-leistungen-tabelle tr[data-ozg-id='{ozgId}']");
        await ShowRowAsync(page, row);
        await Expect(row).ToContainTextAsync("flächendeckend");
        await AssertAccessibleAsync(page, "the Land view");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestArtefacts.ScreenshotPath("programm-land.png"), FullPage = true });

        // The open view follows a change live: the Leistung falling back to a pilot in NW changes its row, where it is,
        // and NW's figure, without a reload.
        await fixture.Leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
        {
            OzgId = ozgId, RequestId = Guid.NewGuid().ToString(),
            Verfuegbarkeit = new LandVerfuegbarkeit { Land = "NW", Verfuegbarkeit = Verfuegbarkeit.Pilot },
        });
        await Expect(row.Locator("td").First).ToHaveTextAsync("Pilot", new() { Timeout = Deadline });
        await ShowsNwFlaechendeckendAsync(page);

        // A deep link opens the same view on a fresh load.
        await page.ReloadAsync();
        await Expect(page.Locator("#land-titel")).ToHaveTextAsync("Nordrhein-Westfalen (NW)", new() { Timeout = Deadline });
        await Expect(page.Locator("#uebersicht")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_Leistung_page_by_deep_link_shows_its_Onlinedienst_criteria_blocker_and_milestone_and_follows_a_new_rating()
    {
        var seed = new OnlinedienstSeed(fixture.Host.Channel);
        var (ozgId, leikaKey) = await seed.LeistungAsync(fixture.TakeOzgId);
        var dienst = await seed.InUseAsync(KnownData.Dataport, leikaKey, stufe11: 2, stufe20: 2);
        var planned = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await new ProgrammeManagementService.ProgrammeManagementServiceClient(fixture.Host.Channel).SetMeilensteinAsync(new SetMeilensteinRequest
        {
            OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Phase = Umsetzungsphase.Regelbetrieb, PlannedDate = planned,
        });
        await Eventually.ReturnsAsync(
            () => fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId }).ResponseAsync,
            read => read.Leistung.Status is { ReifegradOnlinedienste: 1, Reifegrad: 2 } && read.Fristen.Meilensteine.Count == 1,
            "Reifegrad 2 derived from the Onlinedienst, and the milestone on the Leistung");

        var page = await OpenAsync($"/programm/#/leistung/{ozgId}", width: 1280, height: 2000);

        var reifegrad = page.Locator("#leistung-daten dt:text-is('Reifegrad') + dd");
        await Expect(reifegrad).ToHaveTextAsync("2 (abgeleitet aus 1 Onlinedienst; Modell 2.0: Stufe 2)", new() { Timeout = Deadline });
        await Expect(page.Locator("#leistung-daten")).ToContainTextAsync(leikaKey);
        await Expect(page.Locator("#leistung-historie tbody tr[data-version='1']")).ToContainTextAsync("Katalog");
        await Expect(page.Locator("#leistung-historie tbody tr").First).ToContainTextAsync("Reifegrad: 0 → 2");
        await Expect(page.Locator("#leistung-termine tbody tr[data-phase='UMSETZUNGSPHASE_REGELBETRIEB']")).ToContainTextAsync(planned);
        var onlinedienst = page.Locator($"#leistung-onlinedienste li[data-onlinedienst='{dienst}']");
        await Expect(onlinedienst).ToContainTextAsync("Reifegrad nach Modell 1.1: Stufe 2, nach Modell 2.0: Stufe 2");
        await Expect(onlinedienst.Locator(".kriterien-11")).ToContainTextAsync("K01: 2, K02: 2");
        await Expect(onlinedienst.Locator(".kriterien-20")).ToContainTextAsync("K13: 2");
        var blocker = page.Locator($".blocker[data-modell='1.1'][data-zielstufe='3'] li[data-onlinedienst='{dienst}']");
        await Expect(blocker).ToContainTextAsync("jetzt Stufe 2");
        await Expect(blocker).ToContainTextAsync("(bewertet 2)");
        await Expect(page.Locator(".blocker[data-modell='2.0'][data-zielstufe='3']")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "the Leistung page");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestArtefacts.ScreenshotPath("programm-leistung-onlinedienste.png"), FullPage = true });

        // Every criterion of model 1.1 at 3: the Leistung's Reifegrad follows, and the open page with it.
        await seed.RateAsync(dienst, leikaKey, ReifegradModell.V11, stufe: 3, rated: 10);

        await Expect(reifegrad).ToHaveTextAsync("3 (abgeleitet aus 1 Onlinedienst; Modell 2.0: Stufe 2)", new() { Timeout = Deadline });
        await Expect(page.Locator($".blocker[data-modell='1.1'][data-zielstufe='4'] li[data-onlinedienst='{dienst}']")).ToContainTextAsync("jetzt Stufe 3");
        await Expect(onlinedienst.Locator(".kriterien-11")).ToContainTextAsync("K01: 3");
        await Expect(page.Locator("#leistung-historie tbody tr").First).ToContainTextAsync("Reifegrad: 2 → 3");
    }

    [Fact]
    public async Task A_long_history_comes_a_page_at_a_time_and_the_older_changes_on_request()
    {
        var ozgId = fixture.TakeOzgId();
        const int Writes = 55;
        for (var write = 1; write <= Writes; write++)
        {
            await fixture.Leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
            {
                OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = write % 2 + 1,
            });
        }

        var page = await OpenAsync($"/programm/#/leistung/{ozgId}", width: 1280, height: 1200);
        var rows = page.Locator("#leistung-historie tbody tr");

        await Expect(rows).ToHaveCountAsync(50, new() { Timeout = Deadline });
        await Expect(rows.First).ToHaveAttributeAsync("data-version", (Writes + 1).ToString(CultureInfo.InvariantCulture));
        await page.Locator("#leistung-historie-mehr").ClickAsync();

        await Expect(rows).ToHaveCountAsync(Writes + 1);
        await Expect(rows.Last).ToContainTextAsync("Katalog");
        await Expect(page.Locator("#leistung-historie-mehr")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_search_finds_a_Leistung_by_OZG_ID_name_fragment_and_LeiKa_key_and_its_result_opens_the_page()
    {
        var elterngeld = (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = KnownData.ElterngeldOzgId })).Leistung;
        var leikaKey = elterngeld.LeikaLeistungen.First(l => l.LeikaKey.Length == 14).LeikaKey;
        var page = await OpenAsync("/programm/", width: 1280, height: 1600);
        var result = page.Locator($"#suche-ergebnisse li[data-ozg-id='{KnownData.ElterngeldOzgId}']");

        foreach (var query in new[] { KnownData.ElterngeldOzgId.ToString(CultureInfo.InvariantCulture), "lterngel", leikaKey })
        {
            await page.Locator("#suche-eingabe").FillAsync(query);
            await Expect(page.Locator("#suche-status")).ToContainTextAsync($"zu „{query}“", new() { Timeout = Deadline });
            await Expect(result).ToContainTextAsync($"{KnownData.ElterngeldOzgId} – {elterngeld.Name}");
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestArtefacts.ScreenshotPath("programm-suche.png") });
        await result.Locator("a").ClickAsync();

        Assert.EndsWith($"#/leistung/{KnownData.ElterngeldOzgId}", page.Url);
        await Expect(page.Locator("#leistung-titel")).ToHaveTextAsync($"{elterngeld.Name} (OZG-ID {KnownData.ElterngeldOzgId})", new() { Timeout = Deadline });
        await page.ReloadAsync();
        await Expect(page.Locator("#leistung-titel")).ToHaveTextAsync($"{elterngeld.Name} (OZG-ID {KnownData.ElterngeldOzgId})", new() { Timeout = Deadline });
        await Expect(page.Locator("#leistung-daten dt:text-is('Reifegrad') + dd")).ToContainTextAsync("(von Hand gesetzt)");
    }

    [Fact]
    public async Task The_search_answers_at_most_its_limit_and_refuses_an_empty_or_overlong_query()
    {
        using var http = new HttpClient { BaseAddress = fixture.Host.HttpAddress };

        using var many = await JsonAsync(http, "/programm/api/suche?q=e");
        Assert.Equal(20, many.RootElement.GetProperty("leistungen").GetArrayLength());
        foreach (var query in new[] { "", "%20", new string('x', 201) })
        {
            using var refused = await http.GetAsync($"/programm/api/suche?q={query}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Suchbegriff", await refused.Content.ReadAsStringAsync());
        }

        using var unknownModel = await http.GetAsync($"/programm/api/leistungen/{KnownData.ElterngeldOzgId}/blocker?modell=3.0&zielstufe=1");
        Assert.Equal(HttpStatusCode.BadRequest, unknownModel.StatusCode);
    }

    [Fact]
    public async Task An_anonymous_visitor_sees_only_published_Onlinedienste_and_their_blockers_and_a_visitor_with_a_token_all()
    {
        var seed = new OnlinedienstSeed(fixture.Host.Channel);
        var (ozgId, leikaKey) = await seed.LeistungAsync(fixture.TakeOzgId);
        var published = await seed.InUseAsync(KnownData.Dataport, leikaKey, stufe11: 1, stufe20: 1);
        var draft = await seed.RegisterAsync(KnownData.Dataport);
        await seed.RateAllAsync(draft, leikaKey, stufe11: 4, stufe20: 7);
        using var anonymous = new HttpClient { BaseAddress = fixture.Host.HttpAddress };
        using var withToken = new HttpClient { BaseAddress = fixture.Host.HttpAddress };
        withToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", fixture.Host.TokenFor(OzgGrid.Gateway.Identity.Roles.Monitoring, "proxy"));
        var dienste = $"/programm/api/leistungen/{ozgId}/onlinedienste";
        var blocker = $"/programm/api/leistungen/{ozgId}/blocker?modell=1.1&zielstufe=2";

        Assert.Equal([published], await IdsAsync(anonymous, dienste, "onlinedienste", "onlinedienstId"));
        Assert.Equal([published], await IdsAsync(anonymous, blocker, "paare", "onlinedienstId"));
        Assert.Equal(new[] { published, draft }.Order(), (await IdsAsync(withToken, dienste, "onlinedienste", "onlinedienstId")).Order());
        Assert.Equal(new[] { published, draft }.Order(), (await IdsAsync(withToken, blocker, "paare", "onlinedienstId")).Order());

        // Nor does an anonymous visitor learn who wrote it.
        using var read = await JsonAsync(anonymous, dienste);
        Assert.Equal("", read.RootElement.GetProperty("onlinedienste")[0].GetProperty("lastChange").GetProperty("changedBy").GetString());
    }

    /// <summary>Clicks "load more" until the row is on the page (the Land's list comes a page at a time, by OZG-ID).</summary>
    /// <summary>The Land view comes to show NW's flächendeckend figure as it is read at the same moment.</summary>
    private async Task ShowsNwFlaechendeckendAsync(IPage page)
    {
        var shown = page.Locator("#land-daten dt:text-is('Flächendeckend online') + dd");
        await Eventually.ReturnsAsync(
            async () => (Figures: await ReadFiguresAsync(), Shown: Regex.Replace(await shown.TextContentAsync() ?? "", @"\s+", " ").Trim()),
            seen => seen.Shown == NwFlaechendeckend(seen.Figures),
            "the Land view showing NW's flächendeckend figure",
            TimeSpan.FromMilliseconds(Deadline));
    }

    private static async Task ShowRowAsync(IPage page, ILocator row)
    {
        await Expect(page.Locator("#land-leistungen-tabelle")).ToBeVisibleAsync(new() { Timeout = Deadline });
        while (await row.CountAsync() == 0 && await page.Locator("#land-leistungen-mehr").CountAsync() > 0)
        {
            var rows = await page.Locator("#land-leistungen-tabelle tbody tr").CountAsync();
            await page.Locator("#land-leistungen-mehr").ClickAsync();
            await Expect(page.Locator("#land-leistungen-tabelle tbody tr")).Not.ToHaveCountAsync(rows, new() { Timeout = Deadline });
        }

        await Expect(row).ToBeVisibleAsync();
    }

    private static async Task<JsonDocument> JsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static async Task<List<string>> IdsAsync(HttpClient http, string path, string list, string id)
    {
        using var json = await JsonAsync(http, path);
        return [.. json.RootElement.GetProperty(list).EnumerateArray().Select(e => e.GetProperty(id).GetString()!)];
    }

    private Task<IPage> OpenAsync(string path, int width, int height) => OpenAsync(fixture.Host, path, width, height);

    private async Task<ProgrammeFigures> ReadFiguresAsync() =>
        (await fixture.Monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest())).Figures;

    /// <summary>What the tiles show, ordered by Land, whitespace normalised as a reader sees it.</summary>
    private static async Task<string> TileTextsAsync(IPage page) =>
        string.Join("; ", await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('#karte .kachel')].map(k => k.id + ': '
              + k.querySelector('.anteil-online')?.textContent.replace(/\s+/g, ' ').trim() + ' | '
              + k.querySelector('.anteil-flaechendeckend')?.textContent.replace(/\s+/g, ' ').trim()).sort()
            """));

    private static string TileTexts(ProgrammeFigures figures) => string.Join("; ", figures.Laender.OrderBy(land => land.Land, StringComparer.Ordinal).Select(land =>
        $"kachel-{land.Land}: {Percent(land.InMindestensEinerKommune, figures.Leistungen)} online | {Percent(land.Flaechendeckend, figures.Leistungen)} flächendeckend"));

    private static string NwFlaechendeckend(ProgrammeFigures figures)
    {
        var nw = figures.Laender.Single(l => l.Land == "NW");
        return $"{Number(nw.Flaechendeckend)} ({Percent(nw.Flaechendeckend, figures.Leistungen)})";
    }
}

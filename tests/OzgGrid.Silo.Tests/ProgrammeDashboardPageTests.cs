using Microsoft.Playwright;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// The live programme page (/programm/ on the operations endpoint) in headless Chromium, against the real host with the
/// shipped catalogue: what it shows, and that a status written over gRPC appears on the open page without a reload.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ProgrammeDashboardPageTests(GatewayFixture fixture) : ProgrammePageTest
{
    /// <summary>How long a page may take to load and draw, and a live update to arrive on a loaded machine (P3 measures its latency).</summary>
    private static readonly LocatorAssertionsToHaveTextOptions Loaded = new() { Timeout = 15_000 };

    private static readonly TimeSpan LiveUpdate = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task The_page_shows_the_catalogue_figures_and_a_status_reported_over_gRPC_appears_without_a_reload()
    {
        var page = await OpenAsync("/programm/", width: 1280, height: 2400);
        var figures = (await fixture.Monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest())).Figures;

        await Expect(page.Locator("#wert-leistungen")).ToHaveTextAsync(Number(KnownData.Leistungen), Loaded);
        await Expect(page.Locator("#wert-ozg-konform")).ToHaveTextAsync(Number(figures.OzgKonform));
        await Expect(page.Locator("#reifegrad-tabelle tbody tr")).ToHaveCountAsync(KnownData.Themenfelder);
        await Expect(page.Locator("#laender-tabelle tbody tr")).ToHaveCountAsync(16);
        var nw = figures.Laender.Single(l => l.Land == "NW");
        await Expect(page.Locator("#land-NW-in-mindestens-einer-kommune .zahl")).ToHaveTextAsync(Number(nw.InMindestensEinerKommune));
        await Expect(page.Locator("#verbindung")).ToHaveAttributeAsync("data-zustand", "live");

        var ozgId = fixture.TakeOzgId();
        var written = await fixture.Leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
        {
            OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = 3,
            Verfuegbarkeit = new LandVerfuegbarkeit { Land = "NW", Verfuegbarkeit = Verfuegbarkeit.InMindestensEinerKommune },
        });

        // The list may already show this Leistung's catalogue import among the latest changes: the new version is wanted.
        var change = page.Locator($"#aenderungen-liste li[data-ozg-id='{ozgId}'][data-version='{written.Version}']");
        await Expect(change).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = (float)LiveUpdate.TotalMilliseconds });
        await Expect(change).ToContainTextAsync("Reifegrad 0 → 3");
        var after = (await fixture.Monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest())).Figures;
        Assert.Equal(figures.OzgKonform + 1, after.OzgKonform);
        await Expect(page.Locator("#wert-ozg-konform")).ToHaveTextAsync(Number(after.OzgKonform));
        await Expect(page.Locator("#land-NW-in-mindestens-einer-kommune .zahl")).ToHaveTextAsync(
            Number(after.Laender.Single(l => l.Land == "NW").InMindestensEinerKommune));

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestArtefacts.ScreenshotPath("programm-dashboard.png"), FullPage = true });
    }

    [Fact]
    public async Task A_page_opened_after_a_change_lists_it_among_the_latest_changes()
    {
        var ozgId = fixture.TakeOzgId();
        await Update(ozgId, reifegrad: 2);

        var page = await OpenAsync("/programm/", width: 1280, height: 2400);

        // The change is in the snapshot only once the monitoring has published it (milliseconds): reload until then.
        var change = page.Locator($"#aenderungen-liste li[data-ozg-id='{ozgId}'][data-version='2']");
        await Eventually.ReturnsAsync(
            async () =>
            {
                await Expect(page.Locator("#verbindung")).ToHaveAttributeAsync("data-zustand", "live", new() { Timeout = 15_000 });
                if (await change.CountAsync() == 0)
                {
                    await page.ReloadAsync();
                    return false;
                }

                return true;
            },
            listed => listed,
            "the change listed on a newly opened page");
        await Expect(change).ToContainTextAsync("Reifegrad 0 → 2");
        await Expect(page.Locator("#aenderungen-leer")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_Leistung_page_shows_its_history_and_takes_a_new_change_without_reload()
    {
        var ozgId = fixture.TakeOzgId();
        await Update(ozgId, reifegrad: 2);
        var page = await OpenAsync($"/programm/#leistung/{ozgId}", width: 1280, height: 1200);

        await Expect(page.Locator("#leistung-historie tbody tr[data-version='2']")).ToContainTextAsync("Reifegrad: 0 → 2", new() { Timeout = 15_000 });
        await Expect(page.Locator("#leistung-historie tbody tr[data-version='1']")).ToContainTextAsync("Katalog");
        await Expect(page.Locator("#verbindung")).ToHaveAttributeAsync("data-zustand", "live");

        await Update(ozgId, reifegrad: 3);

        await Expect(page.Locator("#leistung-historie tbody tr[data-version='3']")).ToContainTextAsync("Reifegrad: 2 → 3");
        await Expect(page.Locator("#leistung-daten dt:text-is('Reifegrad') + dd")).ToHaveTextAsync("3 (von Hand gesetzt)");

        // An anonymous visitor is told no names: no column for them, and none in the data.
        await Expect(page.Locator("#leistung-historie-durch")).ToBeHiddenAsync();
        await Expect(page.Locator("#leistung-historie tbody tr[data-version='3'] td")).ToHaveCountAsync(3);
        await Expect(page.Locator("#leistung")).Not.ToContainTextAsync(TestHost.ManagementSubject);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestArtefacts.ScreenshotPath("programm-leistung.png"), FullPage = true });
    }

    [Fact]
    public async Task A_visitor_whose_proxy_adds_a_token_sees_who_changed_a_Leistung()
    {
        var ozgId = fixture.TakeOzgId();
        await Update(ozgId, reifegrad: 2);
        var token = fixture.Host.TokenFor(OzgGrid.Gateway.Identity.Roles.Monitoring, "proxy");
        var page = await OpenAsync($"/programm/#leistung/{ozgId}", width: 1280, height: 1200,
            new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" });

        await Expect(page.Locator("#leistung-historie tbody tr[data-version='2']")).ToContainTextAsync(TestHost.ManagementSubject, new() { Timeout = 15_000 });
        await Expect(page.Locator("#leistung-historie-durch")).ToBeVisibleAsync();
        await Expect(page.Locator("#leistung-daten")).ToContainTextAsync($"durch {TestHost.ManagementSubject}");
    }

    [Fact]
    public async Task The_page_is_usable_by_keyboard_on_a_phone_and_has_no_serious_accessibility_violations()
    {
        var page = await OpenAsync("/programm/", width: 390, height: 844);
        await Expect(page.Locator("#wert-leistungen")).ToHaveTextAsync(Number(KnownData.Leistungen), Loaded);

        // Nothing wider than the phone's screen: the tables scroll inside their own frames.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The page is wider than a phone's screen.");

        // The first Tab reaches the skip link, which moves the focus to the content.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#inhalt")).ToBeFocusedAsync();

        await AssertAccessibleAsync(page, "the overview on a phone");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestArtefacts.ScreenshotPath("programm-dashboard-telefon.png"), FullPage = true });
    }

    private Task<IPage> OpenAsync(string path, int width, int height, Dictionary<string, string>? headers = null) =>
        OpenAsync(fixture.Host, path, width, height, headers);

    private async Task Update(int ozgId, int reifegrad) =>
        await fixture.Leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Reifegrad = reifegrad });
}

using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>
/// What the browser tests of the programme page share: one headless Chromium per test class, a page opened on the
/// host's operations endpoint in German, the accessibility check and numbers written as the page writes them.
/// </summary>
public abstract class ProgrammePageTest : IAsyncLifetime
{
    private static readonly NumberFormatInfo German = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    /// <param name="headers">Sent with every request, as a proxy in front of the page adds them.</param>
    protected async Task<IPage> OpenAsync(TestHost host, string path, int width, int height, Dictionary<string, string>? headers = null)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions
        {
            Locale = "de-DE", ViewportSize = new ViewportSize { Width = width, Height = height }, ExtraHTTPHeaders = headers,
        });
        await page.GotoAsync(new Uri(host.HttpAddress, path).ToString());
        return page;
    }

    /// <summary>axe finds no serious or critical violation on what the page shows now.</summary>
    protected static async Task AssertAccessibleAsync(IPage page, string view)
    {
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length}×)").ToList();
        Assert.True(serious.Count == 0, $"{view}: {string.Join("; ", serious)}");
    }

    protected static string Number(long value) => value.ToString("#,0", German);

    /// <summary>A share as the page writes it: German, at most one decimal, rounded half away from zero.</summary>
    protected static string Percent(long count, long of) =>
        $"{Math.Round(100m * count / of, 1, MidpointRounding.AwayFromZero).ToString("0.#", German)} %";

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

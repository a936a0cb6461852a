using Microsoft.Playwright;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>
/// Debian's chromium, headless, driven by Playwright: <c>./ozg test</c> installs the package and names its executable
/// in OZGGRID_TEST_CHROMIUM. Playwright's own browser downloads are never used.
/// </summary>
public static class HeadlessChromium
{
    private const string ExecutableVariable = "OZGGRID_TEST_CHROMIUM";
    private const string DebianExecutable = "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        var executable = Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } named ? named : DebianExecutable;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"No Chromium at {executable}: install Debian's chromium package (./ozg test does) or set {ExecutableVariable}.");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }
}

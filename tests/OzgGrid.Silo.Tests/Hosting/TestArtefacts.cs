namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>Files a test run keeps for people to look at: <c>./ozg test</c> puts them under .ozg/test-results.</summary>
public static class TestArtefacts
{
    /// <summary>Where screenshots go: OZGGRID_TEST_SCREENSHOT_DIR, or a folder beside the test assembly.</summary>
    public static string ScreenshotPath(string fileName)
    {
        var folder = Environment.GetEnvironmentVariable("OZGGRID_TEST_SCREENSHOT_DIR") is { Length: > 0 } named
            ? named
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }
}

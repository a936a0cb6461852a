namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>Where the repository and the build outputs are, seen from the test output folder.</summary>
public static class Repository
{
    public static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OzgGrid.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("OzgGrid.sln not found above the test output.");
        }
    }

    /// <summary>README.md as a user reads it.</summary>
    public static string Readme => File.ReadAllText(Path.Combine(Root, "README.md"));

    /// <summary>The rows of README's table whose header row is <paramref name="header"/> (without header and rule).</summary>
    public static IEnumerable<string> ReadmeTable(string header) =>
        Readme.Split('\n').SkipWhile(line => !line.StartsWith(header, StringComparison.Ordinal)).Skip(2).TakeWhile(line => line.StartsWith('|'));

    /// <summary>Debug or Release: the configuration these tests were built in.</summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
}

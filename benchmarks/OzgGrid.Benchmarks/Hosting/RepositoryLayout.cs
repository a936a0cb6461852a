namespace OzgGrid.Benchmarks.Hosting;

/// <summary>Where the repository and the silo's own build output are, seen from this program's (or a test's) output folder.</summary>
public static class RepositoryLayout
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

            return folder?.FullName ?? throw new InvalidOperationException($"OzgGrid.sln not found above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>Debug or Release: the configuration this program was built in (bin/&lt;configuration&gt;/net10.0).</summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary>services/OzgGrid.Silo's own build output of the same configuration, as an operator runs it.</summary>
    public static string SiloAssembly()
    {
        var path = Path.Combine(Root, "services", "OzgGrid.Silo", "bin", Configuration, "net10.0", "OzgGrid.Silo.dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"The silo is not built: {path} (build services/OzgGrid.Silo -c {Configuration}).");
    }
}

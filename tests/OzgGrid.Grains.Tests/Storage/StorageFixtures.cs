namespace OzgGrid.Grains.Tests.Storage;

/// <summary>The stored forms kept as files (Storage/Fixtures): what a release wrote must stay readable by the releases after it.</summary>
internal static class StorageFixtures
{
    /// <summary>Set to 1 to write a fixture of this release anew into the source tree (only when its form changes).</summary>
    public const string RegenerateVariable = "OZG_REGENERATE_STORAGE_FIXTURES";

    public static bool Regenerating => Environment.GetEnvironmentVariable(RegenerateVariable) == "1";

    /// <summary>The fixture as the tests read it (copied next to the test binaries).</summary>
    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", fileName);

    /// <summary>Writes a fixture into the source tree; the next build copies it next to the binaries, so it is written here too.</summary>
    public static void Regenerate(string fileName, byte[] bytes)
    {
        File.WriteAllBytes(Path.Combine(ProjectDirectory(), "Storage", "Fixtures", fileName), bytes);
        File.WriteAllBytes(PathOf(fileName), bytes);
    }

    private static string ProjectDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OzgGrid.Grains.Tests.csproj")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The test project's folder was not found above the test binaries.");
    }
}

using System.Text.RegularExpressions;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// docs/ARCHITECTURE.md names what exists: every path it gives is in the repository, every source file it names is
/// one, and every type, member or table it names (a word in PascalCase in backticks) is in the sources.
/// </summary>
public sealed partial class ArchitectureDocumentTests
{
    /// <summary>Where the names the page gives are looked for: code, tests and the PostgreSQL scripts.</summary>
    private static readonly string[] SourceFolders = ["grains", "services", "tests", "deploy"];

    private static readonly string Document = File.ReadAllText(Path.Combine(Repository.Root, "docs", "ARCHITECTURE.md"));

    [Fact]
    public void Every_path_and_file_the_architecture_page_names_exists()
    {
        var named = Code().Matches(Document).Select(code => code.Groups[1].Value).Where(IsPlainPath).Distinct().ToList();
        var files = SourceFiles(Repository.Root).Select(file => Path.GetRelativePath(Repository.Root, file).Replace('\\', '/')).ToList();
        var folders = files.SelectMany(Folders).ToHashSet(StringComparer.Ordinal);

        Assert.True(named.Count >= 20, $"the page names {named.Count} paths and files");
        var missing = named.Where(path => !files.Concat(folders).Any(existing => Names(existing, path))).ToList();
        Assert.True(missing.Count == 0, $"named in docs/ARCHITECTURE.md, but not in the repository: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_type_and_member_the_architecture_page_names_is_in_the_sources()
    {
        var sources = string.Join('\n', SourceFolders.SelectMany(folder => SourceFiles(Path.Combine(Repository.Root, folder)))
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".sql", StringComparison.Ordinal)).Select(File.ReadAllText));
        var words = new HashSet<string>(Word().Matches(sources).Select(word => word.Value), StringComparer.Ordinal);
        var named = Code().Matches(Document).Select(code => Identifier().Match(code.Groups[1].Value))
            .Where(identifier => identifier.Success).SelectMany(identifier => identifier.Groups["part"].Captures.Select(part => part.Value)).Distinct().ToList();

        Assert.True(named.Count >= 50, $"the page names {named.Count} types and members");
        var missing = named.Where(name => !words.Contains(name)).ToList();
        Assert.True(missing.Count == 0, $"named in docs/ARCHITECTURE.md, but not in the sources: {string.Join(", ", missing)}");
    }

    /// <summary>A path or file name without placeholders or wildcards, e.g. <c>services/OzgGrid.Silo/Postgres</c> or <c>LeistungGrain.Reifegrad.cs</c>.</summary>
    private static bool IsPlainPath(string code) =>
        PlainPath().IsMatch(code) && (code.Contains('/', StringComparison.Ordinal) ? !char.IsDigit(code[^1]) : FileName().IsMatch(code));

    /// <summary>
    /// Whether <paramref name="path"/> names <paramref name="existing"/>: the whole path from the root, or its end, whose
    /// first folder may leave out the project's prefix (<c>Gateway/Grpc/SucheService.cs</c> for <c>services/OzgGrid.Gateway/Grpc/SucheService.cs</c>).
    /// </summary>
    private static bool Names(string existing, string path)
    {
        var (first, rest) = path.Contains('/', StringComparison.Ordinal) ? (path[..path.IndexOf('/', StringComparison.Ordinal)], path[path.IndexOf('/', StringComparison.Ordinal)..]) : (path, "");
        return existing == path || Regex.IsMatch(existing, $@"(^|/)([\w-]+\.)*{Regex.Escape(first)}{Regex.Escape(rest)}$");
    }

    private static IEnumerable<string> Folders(string file)
    {
        for (var end = file.LastIndexOf('/'); end > 0; end = file.LastIndexOf('/', end - 1))
        {
            yield return file[..end];
        }
    }

    private static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}.", StringComparison.Ordinal));

    [GeneratedRegex(@"`([^`\n]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"^[\w.-]+(/[\w.-]+)*$")]
    private static partial Regex PlainPath();

    [GeneratedRegex(@"^[\w.-]+\.(cs|md|json|yml|yaml|sql|mjs|js|csv|proto|sh)$")]
    private static partial Regex FileName();

    /// <summary>A type or member in PascalCase, dotted or generic or called: <c>VersionedRecord.Committed</c>, <c>RecordState&lt;TBody, …</c>, <c>ReconcileAsync</c>.</summary>
    [GeneratedRegex(@"^(?<part>[A-Z][a-z]+[A-Z]\w*)(\.(?<part>[A-Z]\w*))*(\(\)|<.*)?$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"\b[A-Za-z_]\w*\b")]
    private static partial Regex Word();
}

using System.Reflection;
using System.Text.RegularExpressions;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// Every setting OzgGrid reads is in README.md, and README names no other: each public settable property of each settings class (one with a
/// <c>Section</c> under <c>OzgGrid:</c>) is named there, whole (<c>`OzgGrid:Tls:KeyPath`</c>), after its section's
/// first key in a table row (<c>`OzgGrid:Tls:CertificatePath` / `KeyPath`</c>), or in a table of its section's keys
/// (<c>`OzgGrid:Limits`</c>).
/// </summary>
public sealed partial class ReadmeSettingsTests
{
    private static readonly Assembly[] Programs =
    [
        typeof(OzgGridHost).Assembly,
        typeof(Gateway.GatewayRegistration).Assembly,
        typeof(Web.ProgrammeDashboardOptions).Assembly,
        typeof(Grains.Monitoring.MonitoringOptions).Assembly,
        typeof(Grains.Abstractions.Limits).Assembly,
    ];

    [Fact]
    public void Every_setting_of_every_settings_section_is_documented_in_the_readme()
    {
        var readme = Repository.Readme;
        var documented = Documented(readme);
        var settings = Settings().Select(setting => setting.Key).ToList();

        Assert.True(settings.Count >= 50, $"OzgGrid reads {settings.Count} settings");
        var tableRows = readme.Split('\n').Where(line => line.TrimStart().StartsWith('|')).ToList();
        var missing = settings.Where(setting => !documented.Contains(setting) && !InSectionTable(readme, tableRows, setting)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"read by OzgGrid, but not in README: {string.Join(", ", missing)}");
        var stale = documented.Except(settings).Order(StringComparer.Ordinal).ToList();
        Assert.True(stale.Count == 0, $"in README, but not read by OzgGrid: {string.Join(", ", stale)}");
    }

    [Fact]
    public void Every_default_the_readme_gives_for_a_setting_is_the_default_OzgGrid_has()
    {
        var defaults = Settings().ToDictionary(setting => setting.Key, setting => setting.Default, StringComparer.Ordinal);
        var rows = DefaultRow().Matches(Repository.Readme).ToList();

        Assert.True(rows.Count >= 30, $"README gives {rows.Count} defaults");
        var wrong = rows.Where(row => defaults.TryGetValue(row.Groups["key"].Value, out var actual) && actual != row.Groups["value"].Value)
            .Select(row => $"{row.Groups["key"].Value}: README `{row.Groups["value"].Value}`, OzgGrid `{defaults[row.Groups["key"].Value]}`")
            .ToList();
        Assert.True(wrong.Count == 0, $"README gives other defaults than OzgGrid has: {string.Join("; ", wrong)}");
    }

    /// <summary>Each setting with its default as README writes it (a TimeSpan as <c>00:00:10</c>, a bool in lower case).</summary>
    private static IEnumerable<(string Key, string? Default)> Settings() =>
        Programs.SelectMany(assembly => assembly.GetTypes())
            .Select(type => (Type: type, Section: type.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(settingsClass => settingsClass.Section?.StartsWith("OzgGrid:", StringComparison.Ordinal) == true)
            .SelectMany(settingsClass =>
            {
                var instance = Activator.CreateInstance(settingsClass.Type);
                return settingsClass.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(property => property.SetMethod?.IsPublic == true)
                    .Select(property => ($"{settingsClass.Section}:{property.Name}", Written(property.GetValue(instance))));
            });

    private static string? Written(object? value) => value switch
    {
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value?.ToString(),
    };

    /// <summary>Keys named whole, and those after a key of their section in one cell: <c>`OzgGrid:A:B` / `C` / `D`</c>.</summary>
    private static HashSet<string> Documented(string readme)
    {
        var documented = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match group in KeyGroup().Matches(readme))
        {
            var section = group.Groups["section"].Value;
            documented.Add($"{section}:{group.Groups["first"].Value}");
            documented.UnionWith(group.Groups["more"].Captures.Select(more => $"{section}:{more.Value}"));
        }

        return documented;
    }

    /// <summary>A section documented as a table of its own keys: <c>`OzgGrid:Limits`</c> named, and a table row naming <c>`Key`</c>.</summary>
    private static bool InSectionTable(string readme, List<string> tableRows, string setting)
    {
        var split = setting.LastIndexOf(':');
        var key = $"`{setting[(split + 1)..]}`";
        return readme.Contains($"`{setting[..split]}`", StringComparison.Ordinal)
            && tableRows.Exists(line => line.Contains(key, StringComparison.Ordinal));
    }

    /// <summary>A settings table's row of one key with one default: <c>| `OzgGrid:A:B` | `10` | …</c>.</summary>
    [GeneratedRegex(@"^\| `(?<key>OzgGrid:\w+:\w+)` \| `(?<value>[^`]*)` \|", RegexOptions.Multiline)]
    private static partial Regex DefaultRow();

    [GeneratedRegex(@"`(?<section>OzgGrid:\w+):(?<first>\w+)`(?: / `(?<more>\w+)`)*")]
    private static partial Regex KeyGroup();
}

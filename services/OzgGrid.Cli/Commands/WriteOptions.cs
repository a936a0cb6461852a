using System.CommandLine;

namespace OzgGrid.Cli.Commands;

/// <summary>The options every writing command takes, and the list values they read, spelled the same everywhere.</summary>
public static class WriteOptions
{
    public static Option<long?> ExpectedVersion(string subject) =>
        new("--expected-version") { Description = $"Refuse the change (exit 5) unless the {subject} is at this version" };

    public static Option<string?> RequestId() =>
        new("--request-id") { Description = "An id for this change; repeating a command with the same id applies it once. Default: a new one" };

    /// <summary>The values of a repeatable option, each of which may also list several separated by commas.</summary>
    public static IEnumerable<string> Listed(string[]? values) =>
        (values ?? []).SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

using System.CommandLine;
using System.CommandLine.Parsing;

namespace OzgGrid.Cli;

/// <summary>
/// A command line that does not parse: each error as one line on standard error and where to find the usage, nothing on
/// standard output (a script reading it must not take the help text for an answer), exit code <see cref="ExitCodes.Usage"/>.
/// </summary>
public static class UsageErrors
{
    public static int Report(ParseResult parseResult, TextWriter error)
    {
        foreach (var parseError in parseResult.Errors)
        {
            FailureLine.Write(error, parseError.Message);
        }

        FailureLine.Write(error, $"see '{CommandPath(parseResult.CommandResult)} --help'");
        return ExitCodes.Usage;
    }

    /// <summary>"ozgctl leistungen show" for the command the line got as far as (the root's own name is the program's file name).</summary>
    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (var result = command; result.Parent is CommandResult parent; result = parent)
        {
            names.Insert(0, result.Command.Name);
        }

        names.Insert(0, "ozgctl");
        return string.Join(' ', names);
    }
}

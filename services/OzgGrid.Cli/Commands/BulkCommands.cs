using System.CommandLine;

namespace OzgGrid.Cli.Commands;

public static class BulkCommands
{
    public static Command Create(CliConsole console) => new("bulkcommands") { };
}

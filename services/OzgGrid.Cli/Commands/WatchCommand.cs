using System.CommandLine;

namespace OzgGrid.Cli.Commands;

public static class WatchCommand
{
    public static Command Create(CliConsole console) => new("watchcommand") { };
}

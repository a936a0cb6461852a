using System.CommandLine;

namespace OzgGrid.Cli.Commands;

public static class ReportCommand
{
    public static Command Create(CliConsole console) => new("reportcommand") { };
}

using System.CommandLine;

namespace OzgGrid.Cli.Commands;

public static class ClusterCommand
{
    public static Command Create(CliConsole console) => new("clustercommand") { };
}

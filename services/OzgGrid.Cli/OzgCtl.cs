using System.CommandLine;
using System.CommandLine.Invocation;
using OzgGrid.Cli.Commands;

namespace OzgGrid.Cli;

/// <summary>The ozgctl command tree; <see cref="RunAsync"/> is the whole program, so tests run exactly what the tool runs.</summary>
public static class OzgCtl
{
    public static RootCommand CreateRoot(CliConsole console)
    {
        var root = new RootCommand("ozgctl: the command-line client of OzgGrid (OZG-Leistungen, rollout, monitoring, cluster)")
        {
            ThemenfeldCommands.Create(console),
            LeistungCommands.Create(console),
            BulkCommands.Create(console),
            WatchCommand.Create(console),
            ReportCommand.Create(console),
            ProjektCommands.Create(console),
            OnlinedienstCommands.Create(console),
            ZustaendigkeitCommands.Create(console),
            KommunenCommands.Create(console),
            AnschlussCommands.Create(console),
            ReifegradCommands.Create(console),
            KennzahlenCommands.Create(console),
            NutzungCommands.Create(console),
            SucheCommand.Create(console),
            ProgrammeOverviewCommands.Laender(console),
            ProgrammeOverviewCommands.Verlauf(console),
            ProgrammeOverviewCommands.Ueberfaellig(console),
            ClusterCommand.Create(console),
        };
        foreach (var option in GlobalOptions.All)
        {
            root.Options.Add(option);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var configuration = new InvocationConfiguration
        {
            Output = console.Out.Profile.Out.Writer,
            Error = console.Error,
            // Failures are reported by CommandBinding; anything else is a bug, which should show its stack trace.
            EnableDefaultExceptionHandler = true,
        };
        var parseResult = CreateRoot(console).Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            return UsageErrors.Report(parseResult, console.Error);
        }

        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }
}

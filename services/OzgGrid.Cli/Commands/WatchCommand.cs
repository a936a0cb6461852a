using System.CommandLine;
using OzgGrid.Cli.Output;
using OzgGrid.Cli.Watch;
using OzgGrid.Protos.V1;
using Spectre.Console;

namespace OzgGrid.Cli.Commands;

/// <summary>
/// `watch`: the programme figures and a feed of changes, live from the WatchProgramme stream. On a terminal a live
/// table; otherwise (or with --output json/csv) one line per change, so that it can be piped and scripted.
/// </summary>
public static class WatchCommand
{
    public static Command Create(CliConsole console)
    {
        var themenfeld = new Option<int?>("--themenfeld") { Description = "Only changes of Leistungen of this Themenfeld" };
        var land = new Option<string?>("--land") { Description = "Only changes of Leistungen available in this Land" };
        var ozgIds = new Option<int[]>("--ozg-id") { Description = "Only changes of these Leistungen (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var minReifegrad = new Option<int?>("--min-reifegrad") { Description = "Only changes of Leistungen at this Reifegrad or above" };
        var once = new Option<bool>("--once") { Description = "Print the current figures and exit" };
        var count = new Option<int?>("--count", "-n") { Description = "Exit after this many changes" };
        var feedSize = new Option<int>("--feed") { Description = "Changes kept in the live feed", DefaultValueFactory = _ => 15 };
        var command = new Command("watch", "Live programme figures and a feed of changes (Ctrl-C stops)")
        {
            themenfeld, land, ozgIds, minReifegrad, once, count, feedSize,
        };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new WatchProgrammeRequest { Land = parsed.GetValue(land) ?? "", OzgIds = { parsed.GetValue(ozgIds) ?? [] } };
            if (parsed.GetValue(themenfeld) is { } byThemenfeld)
            {
                request.ThemenfeldId = byThemenfeld;
            }

            if (parsed.GetValue(minReifegrad) is { } byReifegrad)
            {
                request.MinReifegrad = byReifegrad;
            }

            var limit = parsed.GetValue(count);
            if (limit is <= 0)
            {
                throw new CliException("--count must be more than 0");
            }

            var state = new ProgrammeWatchState(Math.Max(1, parsed.GetValue(feedSize)));
            var stopAfterSnapshot = parsed.GetValue(once);
            bool Done() => stopAfterSnapshot ? state.HasSnapshot : limit is { } n && state.ChangesSeen >= n;

            try
            {
                if (!stopAfterSnapshot && context.Results.Format == OutputFormat.Table && context.Out.Profile.Capabilities.Interactive)
                {
                    await WatchLiveAsync(context, request, state, Done, cancellationToken);
                }
                else
                {
                    await WatchLinesAsync(context, request, state, stopAfterSnapshot, Done, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl-C is how a watch normally ends.
                return ExitCodes.Ok;
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Ok;
            }

            return ExitCodes.Ok;
        });
    }

    private static Task WatchLiveAsync(CliContext context, WatchProgrammeRequest request, ProgrammeWatchState state, Func<bool> done, CancellationToken cancellationToken) =>
        context.Out.Live(new Markup("[grey]connecting…[/]")).AutoClear(false).StartAsync(live =>
            ProgrammeFollower.FollowAsync(context.Connection, request, state, (message, _) =>
            {
                if (message.EventCase != WatchProgrammeResponse.EventOneofCase.Heartbeat)
                {
                    live.UpdateTarget(WatchView.Render(state, context.Connection.CurrentEndpoint.ToString()));
                }

                return !done();
            }, cancellationToken));

    private static Task WatchLinesAsync(
        CliContext context, WatchProgrammeRequest request, ProgrammeWatchState state, bool figuresOnly, Func<bool> done, CancellationToken cancellationToken)
    {
        var printer = new WatchLinePrinter(context.Results, context.Out);
        var snapshots = 0;
        return ProgrammeFollower.FollowAsync(context.Connection, request, state, (message, changes) =>
        {
            if (message.EventCase == WatchProgrammeResponse.EventOneofCase.Snapshot)
            {
                if (figuresOnly)
                {
                    printer.FiguresOnly(state);
                }
                else
                {
                    printer.Snapshot(state, first: snapshots == 0);
                }

                snapshots++;
            }

            foreach (var change in changes)
            {
                printer.Change(change);
            }

            return !done();
        }, cancellationToken);
    }
}

using OzgGrid.Cli.Commands;
using OzgGrid.Cli.Output;
using Spectre.Console;

namespace OzgGrid.Cli.Bulk;

/// <summary>A progress bar while a bulk file is sent, on a terminal with table output; nothing when stdout is a pipe or a file.</summary>
public static class BulkProgress
{
    public static async Task<T> RunAsync<T>(CliContext context, string description, int total, Func<Action<int>, Task<T>> work)
    {
        if (!context.Out.Profile.Capabilities.Interactive || context.Results.Format != OutputFormat.Table)
        {
            return await work(_ => { });
        }

        return await context.Out.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape(description), maxValue: Math.Max(total, 1));
                return await work(rows => task.Increment(rows));
            });
    }
}

using System.CommandLine;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>`suche TEXT`: the programme page's search (SucheService) — by OZG-ID, LeiKa key or part of the name.</summary>
public static class SucheCommand
{
    public static Command Create(CliConsole console)
    {
        var text = new Argument<string>("text") { Description = "An OZG-ID, a 14-digit LeiKa key or part of a name" };
        var command = new Command("suche", "Finds Leistungen as the page's search does: the exact hit first, at most 20") { text };
        command.Aliases.Add("search");
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new SucheLeistungenRequest { Query = parsed.GetValue(text) ?? string.Empty };
            var found = await context.Connection.CallAsync(
                (channel, options) => new SucheService.SucheServiceClient(channel).SucheLeistungenAsync(request, options).ResponseAsync, cancellationToken);
            var rows = found.Leistungen.Select(l => LeistungCommands.ListRow(context, l)).ToList();
            context.Results.WriteRows(LeistungCommands.ListColumns, rows, $"{rows.Count} Leistungen zu „{request.Query.Trim()}“");
            return ExitCodes.Ok;
        });
    }
}

using System.CommandLine;
using OzgGrid.Cli.Output;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>
/// `leistungen rollout OZG-ID LAND`: a Leistung's rollout in one Land as the page's "Rollout und Prognose" shows it — the
/// Kommunen counts and the Verfügbarkeit derived from them (the Kommunen still missing: `anschluss prognose`).
/// </summary>
public static class LeistungRolloutCommands
{
    private static readonly OutputColumn[] Columns =
    [
        new("ozg_id", "OZG-ID"), new("land", "Land"), new("verfuegbarkeit", "Verfügbarkeit"), new("published_verfuegbarkeit", "Im Status"),
        new("registered_kommunen", "Kommunen"), new("online_kommunen", "Online"), new("pilot_kommunen", "Pilot"), new("reported_entries", "Gemeldet"),
    ];

    public static Command Rollout(CliConsole console)
    {
        var ozgId = LeistungCommands.OzgIdArgument();
        var land = new Argument<string>("land") { Description = "Land kürzel or code" };
        var command = new Command("rollout", "A Leistung's rollout in one Land: Kommunen online and pilot, the derived Verfügbarkeit") { ozgId, land };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            // One entry is the least a page holds; only the counts are shown.
            var request = new GetRolloutRequest { OzgId = parsed.GetValue(ozgId), Land = parsed.GetValue(land) ?? string.Empty, PageSize = 1 };
            var r = await context.Connection.CallAsync(
                (channel, options) => new RolloutService.RolloutServiceClient(channel).GetRolloutAsync(request, options).ResponseAsync, cancellationToken);
            r.Entries.Clear();
            r.NextPageToken = string.Empty;
            object?[] values =
            [
                r.OzgId, r.Land, Verfuegbarkeit(context, r.Verfuegbarkeit), Verfuegbarkeit(context, r.PublishedVerfuegbarkeit),
                r.RegisteredKommunen, r.OnlineKommunen, r.PilotKommunen, r.ReportedEntries,
            ];
            context.Results.WriteRecord(r, Columns, values, $"Leistung {r.OzgId} in {r.Land}: rollout");
            return ExitCodes.Ok;
        });
    }

    private static string Verfuegbarkeit(CliContext context, Verfuegbarkeit verfuegbarkeit) =>
        context.Results.Format == OutputFormat.Table ? Labels.Of(verfuegbarkeit) : Labels.Key(verfuegbarkeit);
}

using System.CommandLine;
using OzgGrid.Cli.Output;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>`nutzung show|befunde|report`: the monthly figures of a Land or Kreis, the findings, and the usage report.</summary>
public static partial class NutzungCommands
{
    private static readonly OutputColumn[] MonatColumns = [new("monat", "Monat"), new("transaktionen", "Transaktionen"), new("kommunen", "Kommunen")];

    private static readonly OutputColumn[] BefundColumns =
    [
        new("land", "Land"), new("onlinedienst_id", "Onlinedienst"), new("ags", "AGS"), new("art", "Art"), new("ozg_ids", "OZG-IDs"),
        new("transaktionen", "Transaktionen"), new("festgestellt_am", "Festgestellt am"),
    ];

    private static Command Show(CliConsole console)
    {
        var land = new Argument<string>("land") { Description = "Land kürzel or code" };
        var (from, to) = (new Option<string>("--from") { Description = "First month, YYYY-MM", Required = true }, new Option<string>("--to") { Description = "Last month, YYYY-MM", Required = true });
        var kreis = new Option<string?>("--kreis") { Description = "Only this Kreis (the first 5 digits of its AGS)" };
        var onlinedienst = new Option<string?>("--onlinedienst") { Description = "Only this Onlinedienst" };
        var command = new Command("show", "Monthly transactions of a Land (or a Kreis, or one Onlinedienst) over a range of months") { land, from, to, kreis, onlinedienst };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new GetNutzungRequest
            {
                Land = parsed.GetValue(land) ?? "", From = parsed.GetValue(from) ?? "", To = parsed.GetValue(to) ?? "",
                Kreis = parsed.GetValue(kreis) ?? "", OnlinedienstId = parsed.GetValue(onlinedienst) ?? "",
            };
            var response = await context.Connection.CallAsync((channel, options) => Client(channel).GetNutzungAsync(request, options).ResponseAsync, cancellationToken);
            context.Results.WriteRows(MonatColumns, response.Monate.Select(m => new object?[] { m.Monat, m.Transaktionen, m.Kommunen }),
                $"{request.Land}{(request.Kreis.Length > 0 ? $", Kreis {request.Kreis}" : "")}: {response.Transaktionen} Transaktionen");
            return ExitCodes.Ok;
        });
    }

    private static Command Befunde(CliConsole console)
    {
        var land = new Option<string?>("--land") { Description = "Land kürzel or code; default: every Land" };
        var command = new Command("befunde", "Where the usage figures disagree with the reported rollout") { land };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new ListNutzungsBefundeRequest { Land = parsed.GetValue(land) ?? "", PageSize = 500 };
            var befunde = new List<NutzungsBefund>();
            do
            {
                var page = await context.Connection.CallAsync((channel, options) => Client(channel).ListNutzungsBefundeAsync(request, options).ResponseAsync, cancellationToken);
                befunde.AddRange(page.Befunde);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            context.Results.WriteRows(BefundColumns, befunde.Select(b => new object?[]
            {
                b.Land, b.OnlinedienstId, b.Ags, b.Art == NutzungsBefundArt.OnlineOhneNutzung ? "online-ohne-nutzung" : "nutzung-ohne-angebot",
                string.Join(' ', b.OzgIds), b.Transaktionen, b.FestgestelltAm.ToDateTimeOffset().ToString("u"),
            }), $"{befunde.Count} Befunde");
            return ExitCodes.Ok;
        });
    }

    private static Command Report(CliConsole console)
    {
        var teil = new Argument<string>("teil") { Description = "monate or befunde" };
        teil.AcceptOnlyFromAmong("monate", "befunde");
        var land = new Option<string?>("--land") { Description = "Land kürzel or code; default: every Land" };
        var jahr = new Option<int>("--jahr") { Description = "The year of the monthly figures; default: the current one" };
        var file = new ReportOptions();
        var command = new Command("report", "The usage report as CSV or XLSX: a year's monthly transactions per Onlinedienst, Kommune, Kreis and Land, or the findings")
        {
            teil, land, jahr, file.Out, file.Format,
        };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new ExportNutzungReportRequest
            {
                Land = parsed.GetValue(land) ?? "",
                Teil = parsed.GetValue(teil) == "befunde" ? NutzungReportTeil.Befunde : NutzungReportTeil.Monate,
                Jahr = parsed.GetValue(jahr),
                Format = file.Requested(parsed),
            };
            var report = await context.Connection.CallAsync((channel, options) => Client(channel).ExportNutzungReportAsync(request, options).ResponseAsync, cancellationToken);
            await file.WriteAsync(context, parsed, report.FileName, report.Csv, report.Xlsx, cancellationToken);
            return ExitCodes.Ok;
        });
    }

    private static NutzungService.NutzungServiceClient Client(Grpc.Core.ChannelBase channel) => new(channel);
}

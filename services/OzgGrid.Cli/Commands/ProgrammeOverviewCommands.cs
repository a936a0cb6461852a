using System.CommandLine;
using OzgGrid.Cli.Output;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>
/// What the programme page's overview shows beside the live figures (`watch`): `laender` (its map: the figures per Land),
/// `verlauf` (OZG-konform per month) and `ueberfaellig` (the Leistungen with an overdue milestone).
/// </summary>
public static class ProgrammeOverviewCommands
{
    private static readonly OutputColumn[] LandColumns =
    [
        new("land", "Land"), new("name", "Name"), new("pilot", "Pilot"), new("in_mindestens_einer_kommune", "In ≥ 1 Kommune"),
        new("flaechendeckend", "Flächendeckend"), new("ueberfaellig", "Überfällig"), new("efa_bereitgestellt", "EfA bereitgestellt"),
        new("efa_nachgenutzt", "EfA nachgenutzt"),
    ];

    private static readonly OutputColumn[] VerlaufColumns =
    [
        new("day", "Stand"), new("leistungen", "Leistungen"), new("ozg_konform", "OZG-konform"), new("ozg_konform_gained", "Zuwachs"), new("online", "Online"),
    ];

    private static readonly OutputColumn[] UeberfaelligColumns = [new("ozg_id", "OZG-ID"), new("themenfeld_id", "TF"), new("meilensteine", "Überfällige Meilensteine")];

    public static Command Laender(CliConsole console) =>
        new Command("laender", "The figures per Land, as the page's map shows them").WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var figures = (await context.Connection.CallAsync(
                (channel, options) => new MonitoringService.MonitoringServiceClient(channel).GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest(), options).ResponseAsync,
                cancellationToken)).Figures;
            var rows = figures.Laender.Select(l => new object?[]
            {
                l.Land, l.Name, l.ByVerfuegbarkeit.Where(v => v.Verfuegbarkeit == Verfuegbarkeit.Pilot).Sum(v => v.Leistungen),
                l.InMindestensEinerKommune, l.Flaechendeckend, l.Ueberfaellig, l.EfaBereitgestellt, l.EfaNachgenutzt,
            }).ToList();
            context.Results.WriteRows(LandColumns, rows, $"{figures.Leistungen} Leistungen, {figures.OzgKonform} OZG-konform, {figures.Online} online");
            return ExitCodes.Ok;
        });

    public static Command Verlauf(CliConsole console)
    {
        var daily = new Option<bool>("--taeglich") { Description = "Per day instead of per month" };
        return new Command("verlauf", "OZG-konform Leistungen over time, per month (the page's Verlauf)") { daily }.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new GetProgressRequest { Granularity = parsed.GetValue(daily) ? ProgressGranularity.Day : ProgressGranularity.Month };
            var progress = await context.Connection.CallAsync(
                (channel, options) => new MonitoringService.MonitoringServiceClient(channel).GetProgressAsync(request, options).ResponseAsync, cancellationToken);
            context.Results.WriteRows(VerlaufColumns, progress.Points.Select(p => new object?[] { p.Day, p.Leistungen, p.OzgKonform, p.OzgKonformGained, p.Online }).ToList(),
                "Verlauf");
            return ExitCodes.Ok;
        });
    }

    public static Command Ueberfaellig(CliConsole console)
    {
        var land = new Option<string?>("--land") { Description = "Only overdue milestones for this Land" };
        return new Command("ueberfaellig", "The Leistungen with an overdue milestone, by OZG-ID") { land }.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new ListUeberfaelligeLeistungenRequest { Land = parsed.GetValue(land) ?? string.Empty };
            var overdue = await context.Connection.CallAsync(
                (channel, options) => new ProgrammeManagementService.ProgrammeManagementServiceClient(channel).ListUeberfaelligeLeistungenAsync(request, options).ResponseAsync,
                cancellationToken);
            context.Results.WriteRows(UeberfaelligColumns, overdue.Leistungen.Select(u => new object?[] { u.OzgId, u.ThemenfeldId, MeilensteineCell.Of(u.Meilensteine) }).ToList(),
                $"{overdue.Leistungen.Count} Leistungen überfällig");
            return ExitCodes.Ok;
        });
    }
}

using System.CommandLine;
using OzgGrid.Cli.Output;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>`themenfelder list|show|set-federfuehrung`: the 14 Themenfelder with their Federführung and figures.</summary>
public static class ThemenfeldCommands
{
    private static readonly OutputColumn[] ListColumns =
    [
        new("themenfeld_id", "ID"), new("name", "Themenfeld"), new("federfuehrung", "Federführung"),
        new("leistungen", "Leistungen"), new("ozg_konform", "OZG-konform"), new("reifegrade", "Reifegrad 0/1/2/3/4"),
        new("phasen", "Phase (Leistungen)"), new("version", "Version"),
    ];

    private static readonly OutputColumn[] ShowColumns =
    [
        new("themenfeld_id", "ID"), new("name", "Themenfeld"), new("federfuehrung", "Federführung"),
        new("lagen", "Lagen"), new("leistungen", "Leistungen"), new("version", "Version"),
        new("changed_by", "Geändert von"), new("changed_at", "Geändert am"),
    ];

    private static readonly OutputColumn[] FederfuehrungColumns =
    [
        new("themenfeld_id", "ID"), new("name", "Themenfeld"), new("federfuehrung", "Federführung"), new("version", "Version"),
    ];

    public static Command Create(CliConsole console)
    {
        var list = new Command("list", "The Themenfelder with Federführung, OZG-konform Leistungen, Reifegrad and Phase")
            .WithAction(console, ListAsync);

        var id = new Argument<int>("themenfeld-id") { Description = "1–14" };
        var show = new Command("show", "One Themenfeld: Federführung, Lagen, Leistungen") { id };
        show.WithAction(console, (context, parsed, cancellationToken) => ShowAsync(context, parsed.GetValue(id), cancellationToken));

        return new Command("themenfelder", "The 14 Themenfelder of the OZG programme") { list, show, SetFederfuehrung(console) };
    }

    private static Command SetFederfuehrung(CliConsole console)
    {
        var id = new Argument<int>("themenfeld-id") { Description = "1–14" };
        var ressort = new Option<string?>("--bundesressort") { Description = "The leading federal ministry, e.g. BMI" };
        var laender = new Option<string[]>("--laender")
        {
            Description = "The leading Länder (kürzel or code; repeat or separate with commas)", Arity = ArgumentArity.ZeroOrMore,
        };
        var expectedVersion = WriteOptions.ExpectedVersion("Themenfeld");
        var requestId = WriteOptions.RequestId();
        var command = new Command("set-federfuehrung", "Sets who leads a Themenfeld: a Bundesressort and/or Länder (role programm-management)")
        {
            id, ressort, laender, expectedVersion, requestId,
        };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var federfuehrung = new Federfuehrung { Bundesressort = parsed.GetValue(ressort) ?? "" };
            federfuehrung.Laender.AddRange(WriteOptions.Listed(parsed.GetValue(laender)));
            if (federfuehrung.Bundesressort.Length == 0 && federfuehrung.Laender.Count == 0)
            {
                throw new CliException("give the Federführung: --bundesressort, --laender or both");
            }

            var request = new SetFederfuehrungRequest
            {
                ThemenfeldId = parsed.GetValue(id), RequestId = parsed.GetValue(requestId) ?? Guid.NewGuid().ToString(), Federfuehrung = federfuehrung,
            };
            if (parsed.GetValue(expectedVersion) is { } expected)
            {
                request.ExpectedVersion = expected;
            }

            var response = await context.Connection.CallAsync(
                (channel, options) => new ThemenfeldService.ThemenfeldServiceClient(channel).SetFederfuehrungAsync(request, options).ResponseAsync,
                cancellationToken);
            var t = response.Themenfeld;
            object?[] values = [t.ThemenfeldId, t.Name, Federfuehrung(t.Federfuehrung), t.Version];
            context.Results.WriteRecord(t, FederfuehrungColumns, values, $"Themenfeld {t.ThemenfeldId}: Federführung set");
            return ExitCodes.Ok;
        });
    }

    private static async Task<int> ListAsync(CliContext context, ParseResult parsed, CancellationToken cancellationToken)
    {
        var themenfelder = await context.Connection.CallAsync(
            (channel, options) => new ThemenfeldService.ThemenfeldServiceClient(channel).ListThemenfelderAsync(new ListThemenfelderRequest(), options).ResponseAsync,
            cancellationToken);
        var figures = await context.Connection.CallAsync(
            (channel, options) => new MonitoringService.MonitoringServiceClient(channel).GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest(), options).ResponseAsync,
            cancellationToken);
        var byId = figures.Figures.Themenfelder.ToDictionary(t => t.ThemenfeldId);

        var rows = themenfelder.Themenfelder.OrderBy(t => t.ThemenfeldId).Select(t =>
        {
            byId.TryGetValue(t.ThemenfeldId, out var counts);
            return new object?[]
            {
                t.ThemenfeldId, t.Name, Federfuehrung(t.Federfuehrung), t.LeistungenCount, counts?.OzgKonform,
                counts is null ? null : ReifegradSpread(counts.ByReifegrad), counts is null ? null : PhaseSpread(counts.ByPhase), t.Version,
            };
        });
        context.Results.WriteRows(ListColumns, rows.ToList(), "Themenfelder");
        return ExitCodes.Ok;
    }

    private static async Task<int> ShowAsync(CliContext context, int themenfeldId, CancellationToken cancellationToken)
    {
        var response = await context.Connection.CallAsync(
            (channel, options) => new ThemenfeldService.ThemenfeldServiceClient(channel)
                .GetThemenfeldAsync(new GetThemenfeldRequest { ThemenfeldId = themenfeldId }, options).ResponseAsync,
            cancellationToken);
        var t = response.Themenfeld;
        object?[] values =
        [
            t.ThemenfeldId, t.Name, Federfuehrung(t.Federfuehrung),
            string.Join(", ", t.Lagen.Select(l => $"{l.LageId} {l.Name} ({l.LeistungenCount})")), t.LeistungenCount, t.Version,
            t.LastChange?.ChangedBy, t.LastChange?.ChangedAt?.ToDateTimeOffset().ToString("u", System.Globalization.CultureInfo.InvariantCulture),
        ];
        context.Results.WriteRecord(t, ShowColumns, values, $"Themenfeld {t.ThemenfeldId}");
        return ExitCodes.Ok;
    }

    private static string? Federfuehrung(Federfuehrung? federfuehrung) =>
        federfuehrung is null ? null : $"{federfuehrung.Bundesressort} + {string.Join(' ', federfuehrung.Laender)}".Trim(' ', '+');

    private static string ReifegradSpread(IEnumerable<ReifegradCount> counts)
    {
        var byReifegrad = counts.ToDictionary(c => c.Reifegrad, c => c.Leistungen);
        return string.Join('/', Enumerable.Range(0, 5).Select(r => byReifegrad.GetValueOrDefault(r)));
    }

    private static string PhaseSpread(IEnumerable<PhaseCount> counts) =>
        string.Join(", ", counts.Where(c => c.Leistungen > 0 && c.Phase != Umsetzungsphase.Unspecified).OrderBy(c => c.Phase)
            .Select(c => $"{Labels.Of(c.Phase)} {c.Leistungen}"));
}

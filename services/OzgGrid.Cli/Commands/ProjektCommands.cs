using System.CommandLine;
using System.Text.Json;
using Grpc.Net.Client;
using OzgGrid.Cli.Output;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>`projekt list|show|define|phase|defer|beteiligte|finanzierung|onlinedienste|report`: the Umsetzungsprojekte, their phases and status.</summary>
public static class ProjektCommands
{
    private static readonly OutputColumn[] Columns =
    [
        new("projekt_id", "ID"), new("name", "Projekt"), new("ozg_ids", "Leistungen"), new("projektleitung", "Projektleitung"),
        new("efa_typ", "EfA"), new("phase", "Phase"), new("ueberfaellig", "Überfällig"), new("version", "Version"),
    ];

    private static readonly OutputColumn[] PhaseColumns =
    [
        new("phase", "Phase"), new("planned", "Geplant"), new("actual", "Tatsächlich"), new("verschiebungen", "Verschiebungen"), new("grund", "Grund"),
    ];

    private static readonly string[] DateOptions = ["--planned-start", "--planned-end", "--actual-start", "--actual-end"];

    public static Command Create(CliConsole console)
    {
        var phase = new Option<string?>("--phase") { Description = "Only projects in this phase, e.g. umsetzung, rollout-land" };
        var overdue = new Option<bool>("--ueberfaellig") { Description = "Only projects with an overdue phase" };
        var efa = new Option<string?>("--efa-typ") { Description = "Only projects of this EfA type, e.g. entwicklung-land, kein-efa" };
        var list = new Command("list", "All Umsetzungsprojekte with their phase and whether they are overdue") { phase, overdue, efa };
        list.WithAction(console, (context, parsed, cancellationToken) => ListAsync(context, parsed.GetValue(phase), parsed.GetValue(overdue), parsed.GetValue(efa), cancellationToken));

        var id = ProjektId();
        var show = new Command("show", "One Umsetzungsprojekt with the dates of its phases") { id };
        show.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new GetUmsetzungsprojektRequest { ProjektId = parsed.GetValue(id)! };
            var projekt = (await context.Connection.CallAsync(
                (channel, options) => Client(channel).GetUmsetzungsprojektAsync(request, options).ResponseAsync, cancellationToken)).Projekt;
            context.Results.WriteRows(PhaseColumns, projekt.Phasen.Select(PhaseRow).ToList(), Title(projekt));
            return ExitCodes.Ok;
        });

        var report = ExportCommand.Create(console, "report", "The projects per phase, on time and overdue, CSV or XLSX", async (channel, format, options) =>
        {
            var answer = await Client(channel).ExportUmsetzungsprojektReportAsync(new ExportUmsetzungsprojektReportRequest { Format = format }, options);
            return (answer.FileName, answer.Csv, answer.Xlsx);
        });

        return new Command("projekt", "Umsetzungsprojekte: who builds which Leistungen, when") {
            list, show, Define(console), Phase(console), Defer(console),
            ProjektBeteiligungCommands.Beteiligte(console), ProjektBeteiligungCommands.Finanzierung(console), ProjektBeteiligungCommands.Onlinedienste(console), report,
        };
    }

    private static Command Define(CliConsole console)
    {
        var id = ProjektId();
        var name = new Option<string>("--name") { Description = "The project's name", Required = true };
        var ozgIds = new Option<int[]>("--ozg-id") { Description = "An OZG-Leistung it builds (repeat)", Required = true, AllowMultipleArgumentsPerToken = true };
        var leika = new Option<string[]>("--leika") { Description = "A LeiKa key of one of those Leistungen (repeat or separate with commas)", Arity = ArgumentArity.ZeroOrMore };
        var leitung = new Option<string>("--leitung")
        {
            Description = "The Projektleitung as kind:key: it-dienstleister:dataport, land:NW or bundesressort:BMI", Required = true,
        };
        var efa = new Option<string>("--efa-typ") { Description = "e.g. nachnutzung-sicher, entwicklung-land, kein-efa", Required = true };
        var (expectedVersion, requestId) = (WriteOptions.ExpectedVersion("project"), WriteOptions.RequestId());
        var command = new Command("define", "Creates or changes an Umsetzungsprojekt (role programm-management)") { id, name, ozgIds, leika, leitung, efa, expectedVersion, requestId };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new DefineUmsetzungsprojektRequest
            {
                ProjektId = parsed.GetValue(id)!, RequestId = parsed.GetValue(requestId) ?? Guid.NewGuid().ToString(), Name = parsed.GetValue(name)!,
                Projektleitung = Organisation(parsed.GetValue(leitung)!), EfaTyp = Parse<EfaTyp>(parsed.GetValue(efa), "--efa-typ"),
            };
            request.OzgIds.AddRange(parsed.GetValue(ozgIds) ?? []);
            request.LeikaKeys.AddRange(WriteOptions.Listed(parsed.GetValue(leika)));
            if (parsed.GetValue(expectedVersion) is { } expected)
            {
                request.ExpectedVersion = expected;
            }

            var response = await context.Connection.CallAsync((channel, options) => Client(channel).DefineUmsetzungsprojektAsync(request, options).ResponseAsync, cancellationToken);
            return Written(context, response.Projekt, "defined");
        });
    }

    private static Command Phase(CliConsole console)
    {
        var id = ProjektId();
        var phase = PhaseArgument();
        var dates = DateOptions.Select(n => new Option<string?>(n) { Description = "YYYY-MM-DD; left out: not set" }).ToArray();
        var (expectedVersion, requestId) = (WriteOptions.ExpectedVersion("project"), WriteOptions.RequestId());
        var command = new Command("phase", "Sets the planned and actual dates of one phase (programm-management or the leading IT-Dienstleister)") { id, phase, expectedVersion, requestId };
        foreach (var option in dates)
        {
            command.Options.Add(option);
        }

        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new SetProjektPhaseRequest
            {
                ProjektId = parsed.GetValue(id)!, RequestId = parsed.GetValue(requestId) ?? Guid.NewGuid().ToString(), Phase = Parse<ProjektPhase>(parsed.GetValue(phase), "phase"),
                PlannedStart = parsed.GetValue(dates[0]) ?? "", PlannedEnd = parsed.GetValue(dates[1]) ?? "",
                ActualStart = parsed.GetValue(dates[2]) ?? "", ActualEnd = parsed.GetValue(dates[3]) ?? "",
            };
            if (parsed.GetValue(expectedVersion) is { } expected)
            {
                request.ExpectedVersion = expected;
            }

            var response = await context.Connection.CallAsync((channel, options) => Client(channel).SetProjektPhaseAsync(request, options).ResponseAsync, cancellationToken);
            return Written(context, response.Projekt, $"phase {Kebab(request.Phase)} set");
        });
    }

    private static Command Defer(CliConsole console)
    {
        var id = ProjektId();
        var phase = PhaseArgument();
        var newEnd = new Option<string>("--new-end") { Description = "The new planned end, YYYY-MM-DD, later than the present one", Required = true };
        var newStart = new Option<string?>("--new-start") { Description = "A new planned start too, YYYY-MM-DD" };
        var grund = new Option<string>("--grund") { Description = "Why the phase is deferred", Required = true };
        var (expectedVersion, requestId) = (WriteOptions.ExpectedVersion("project"), WriteOptions.RequestId());
        var command = new Command("defer", "Defers a phase to a later planned end, with a reason") { id, phase, newEnd, newStart, grund, expectedVersion, requestId };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new DeferProjektPhaseRequest
            {
                ProjektId = parsed.GetValue(id)!, RequestId = parsed.GetValue(requestId) ?? Guid.NewGuid().ToString(), Phase = Parse<ProjektPhase>(parsed.GetValue(phase), "phase"),
                NewPlannedEnd = parsed.GetValue(newEnd)!, NewPlannedStart = parsed.GetValue(newStart) ?? "", Grund = parsed.GetValue(grund)!,
            };
            if (parsed.GetValue(expectedVersion) is { } expected)
            {
                request.ExpectedVersion = expected;
            }

            var response = await context.Connection.CallAsync((channel, options) => Client(channel).DeferProjektPhaseAsync(request, options).ResponseAsync, cancellationToken);
            return Written(context, response.Projekt, $"phase {Kebab(request.Phase)} deferred");
        });
    }

    private static async Task<int> ListAsync(CliContext context, string? phase, bool overdue, string? efa, CancellationToken cancellationToken)
    {
        var request = new ListUmsetzungsprojekteRequest { PageSize = 500, NurUeberfaellig = overdue };
        if (phase is not null)
        {
            request.Phase = Parse<ProjektPhase>(phase, "--phase");
        }

        if (efa is not null)
        {
            request.EfaTyp = Parse<EfaTyp>(efa, "--efa-typ");
        }

        var rows = new List<object?[]>();
        do
        {
            var page = await context.Connection.CallAsync((channel, options) => Client(channel).ListUmsetzungsprojekteAsync(request, options).ResponseAsync, cancellationToken);
            rows.AddRange(page.Projekte.Select(Row));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        context.Results.WriteRows(Columns, rows, "Umsetzungsprojekte");
        return ExitCodes.Ok;
    }

    internal static int Written(CliContext context, Umsetzungsprojekt projekt, string what)
    {
        context.Results.WriteRecord(projekt, Columns, Row(projekt), $"{Title(projekt)}: {what}");
        return ExitCodes.Ok;
    }

    private static object?[] Row(Umsetzungsprojekt p) =>
    [
        p.ProjektId, p.Name, string.Join(' ', p.OzgIds), $"{Kebab(p.Projektleitung.Art)}:{p.Projektleitung.Kennung}", Kebab(p.EfaTyp),
        Kebab(p.Status.Phase), string.Join(' ', p.Status.Ueberfaellig.Select(p => Kebab(p))), p.Version,
    ];

    private static object?[] PhaseRow(PhasenTermine t) =>
        [Kebab(t.Phase), $"{t.PlannedStart}–{t.PlannedEnd}", $"{t.ActualStart}–{t.ActualEnd}", t.Verschiebungen, t.Verschiebungsgrund];

    private static string Title(Umsetzungsprojekt p) => $"Umsetzungsprojekt {p.ProjektId} ({Kebab(p.Status.Phase)}{(p.Status.ImPlan ? "" : ", überfällig")}, version {p.Version})";

    internal static Argument<string> ProjektId() => new("projekt-id") { Description = "e.g. elterngeld-digital" };

    private static Argument<string> PhaseArgument() =>
        new("phase") { Description = "vorbereitung, konzeption, umsetzung, pilotierung, rollout-land or rollout-bund" };

    internal static Organisation Organisation(string text, string option = "--leitung")
    {
        var parts = text.Split(':', 2);
        return parts.Length == 2
            ? new Organisation { Art = Parse<OrganisationArt>(parts[0], option), Kennung = parts[1] }
            : throw new CliException($"{option}: give kind:key, e.g. land:NW, not '{text}'");
    }

    /// <summary>An enum value by its name in any case, with '-' or '_' between words (unspecified is no value).</summary>
    internal static T Parse<T>(string? text, string what)
        where T : struct, Enum
    {
        var name = (text ?? "").Replace("-", "").Replace("_", "");
        return Enum.TryParse<T>(name, ignoreCase: true, out var value) && Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0 && Enum.IsDefined(value)
            ? value
            : throw new CliException($"{what}: unknown value '{text}'; one of {string.Join(", ", Enum.GetValues<T>().Skip(1).Select(v => Kebab(v)))}");
    }

    /// <summary>An enum value as the commands take it: "rollout-land", "entwicklung-land".</summary>
    internal static string Kebab(Enum value) => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    internal static UmsetzungsprojektService.UmsetzungsprojektServiceClient Client(GrpcChannel channel) => new(channel);
}

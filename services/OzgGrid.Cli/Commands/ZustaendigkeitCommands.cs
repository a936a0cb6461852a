using System.CommandLine;
using OzgGrid.Cli.Output;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>
/// `zustaendigkeit show|set-ebene|set-fim|fim-list|fim-report|kommunen|set-kommunen|report`: who carries out a Leistung, which
/// Kommunen of a Land are responsible (they alone count towards flächendeckend) and its FIM building blocks.
/// </summary>
public static class ZustaendigkeitCommands
{
    private static readonly OutputColumn[] SteckbriefColumns =
    [
        new("ozg_id", "OZG-ID"), new("ebenen", "Zuständigkeitsebene"), new("stammtext", "Stammtext"), new("stammdatenschema", "Stammdatenschema"),
        new("stammprozess", "Stammprozess"), new("version", "Version"),
    ];

    private static readonly OutputColumn[] KommunenColumns =
    [
        new("ozg_id", "OZG-ID"), new("land", "Land"), new("art", "Zuständig"), new("ags", "AGS"), new("version", "Version"),
    ];

    private static readonly Dictionary<string, FimStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["in-planung"] = FimStatus.InPlanung, ["in-bearbeitung"] = FimStatus.InBearbeitung, ["entwurf"] = FimStatus.Entwurf,
        ["methodisch-freigegeben"] = FimStatus.MethodischFreigegeben, ["silber"] = FimStatus.FachlichFreigegebenSilber,
        ["gold"] = FimStatus.FachlichFreigegebenGold, ["inaktiv"] = FimStatus.Inaktiv,
    };

    private static readonly Dictionary<string, FimBaustein> Bausteine = new(StringComparer.OrdinalIgnoreCase)
    {
        ["stammtext"] = FimBaustein.Stammtext, ["stammdatenschema"] = FimBaustein.Stammdatenschema, ["stammprozess"] = FimBaustein.Stammprozess,
    };

    private static readonly Dictionary<string, Zustaendigkeitsebene> Ebenen = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bund"] = Zustaendigkeitsebene.Bund, ["land"] = Zustaendigkeitsebene.Land, ["kommune"] = Zustaendigkeitsebene.Kommune,
    };

    public static Command Create(CliConsole console) => new("zustaendigkeit", "Zuständigkeitsebene, responsible Kommunen and FIM status of the Leistungen")
    {
        Show(console), SetEbene(console), SetFim(console), FimList(console), FimReport(console), Kommunen(console), SetKommunen(console), Report(console),
    };

    private static Command Show(CliConsole console)
    {
        var ozgId = new Argument<int>("ozg-id");
        var command = new Command("show", "A Leistung's Zuständigkeitsebene and FIM building blocks") { ozgId };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new GetSteckbriefRequest { OzgId = parsed.GetValue(ozgId) };
            var response = await context.Connection.CallAsync(
                (channel, options) => Client(channel).GetSteckbriefAsync(request, options).ResponseAsync, cancellationToken);
            return WriteSteckbrief(context, response.Steckbrief);
        });
    }

    private static Command SetEbene(CliConsole console)
    {
        var ozgId = new Argument<int>("ozg-id");
        var ebenen = new Option<string[]>("--ebene") { Description = "bund, land, kommune (repeat or separate with commas)", Arity = ArgumentArity.OneOrMore, Required = true };
        var (expectedVersion, requestId) = (WriteOptions.ExpectedVersion("Steckbrief"), WriteOptions.RequestId());
        var command = new Command("set-ebene", "Sets who carries out a Leistung (role programm-management)") { ozgId, ebenen, expectedVersion, requestId };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new SetZustaendigkeitsebeneRequest { OzgId = parsed.GetValue(ozgId), RequestId = parsed.GetValue(requestId) ?? Guid.NewGuid().ToString() };
            request.Ebenen.AddRange(WriteOptions.Listed(parsed.GetValue(ebenen)).Select(e => Parse(Ebenen, e, "--ebene")));
            if (parsed.GetValue(expectedVersion) is { } expected)
            {
                request.ExpectedVersion = expected;
            }

            var response = await context.Connection.CallAsync(
                (channel, options) => Client(channel).SetZustaendigkeitsebeneAsync(request, options).ResponseAsync, cancellationToken);
            return WriteSteckbrief(context, response.Steckbrief);
        });
    }

    private static Command SetFim(CliConsole console)
    {
        var ozgId = new Argument<int>("ozg-id");
        var baustein = new Option<string>("--baustein") { Description = "stammtext, stammdatenschema or stammprozess", Required = true };
        var fimId = new Option<string>("--fim-id") { Description = "The FIM id, e.g. S00000092", Required = true };
        var version = new Option<string>("--fim-version") { Description = "The FIM version, e.g. 1.2", Required = true };
        var status = new Option<string>("--status") { Description = string.Join(", ", Statuses.Keys), Required = true };
        var (expectedVersion, requestId) = (WriteOptions.ExpectedVersion("Steckbrief"), WriteOptions.RequestId());
        var command = new Command("set-fim", "Sets one FIM building block of a Leistung (role programm-management)")
        {
            ozgId, baustein, fimId, version, status, expectedVersion, requestId,
        };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new SetFimStatusRequest
            {
                OzgId = parsed.GetValue(ozgId), RequestId = parsed.GetValue(requestId) ?? Guid.NewGuid().ToString(),
                Eintrag = new FimEintrag
                {
                    Baustein = Parse(Bausteine, parsed.GetValue(baustein), "--baustein"), FimId = parsed.GetValue(fimId) ?? "",
                    Version = parsed.GetValue(version) ?? "", Status = Parse(Statuses, parsed.GetValue(status), "--status"),
                },
            };
            if (parsed.GetValue(expectedVersion) is { } expected)
            {
                request.ExpectedVersion = expected;
            }

            var response = await context.Connection.CallAsync(
                (channel, options) => Client(channel).SetFimStatusAsync(request, options).ResponseAsync, cancellationToken);
            return WriteSteckbrief(context, response.Steckbrief);
        });
    }

    private static Command FimList(CliConsole console)
    {
        var status = new Option<string>("--status") { Description = string.Join(", ", Statuses.Keys), Required = true };
        var baustein = new Option<string?>("--baustein") { Description = "Only this building block" };
        var command = new Command("fim-list", "The Leistungen with a FIM building block in a status") { status, baustein };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new ListLeistungenByFimStatusRequest { Status = Parse(Statuses, parsed.GetValue(status), "--status") };
            if (parsed.GetValue(baustein) is { } only)
            {
                request.Baustein = Parse(Bausteine, only, "--baustein");
            }

            var response = await context.Connection.CallAsync(
                (channel, options) => Client(channel).ListLeistungenByFimStatusAsync(request, options).ResponseAsync, cancellationToken);
            context.Results.WriteRows(SteckbriefColumns, [.. response.Steckbriefe.Select(Row)], "Leistungen by FIM status");
            return ExitCodes.Ok;
        });
    }

    private static Command FimReport(CliConsole console) => ExportCommand.Create(
        console, "fim-report", "The FIM status of every Leistung that has one, CSV or XLSX", async (channel, format, options) =>
        {
            var report = await Client(channel).ExportFimReportAsync(new ExportFimReportRequest { Format = format }, options);
            return (report.FileName, report.Csv, report.Xlsx);
        });

    private static Command Report(CliConsole console) => ExportCommand.Create(
        console, "report", "Who carries out each Leistung: Zuständigkeitsebene and, per Land, the responsible Kommunen; CSV or XLSX",
        async (channel, format, options) =>
        {
            var report = await Client(channel).ExportZustaendigkeitReportAsync(new ExportZustaendigkeitReportRequest { Format = format }, options);
            return (report.FileName, report.Csv, report.Xlsx);
        });

    private static Command Kommunen(CliConsole console)
    {
        var (ozgId, land) = (new Argument<int>("ozg-id"), new Argument<string>("land") { Description = "Land kürzel or code" });
        var command = new Command("kommunen", "The Kommunen of a Land responsible for a Leistung") { ozgId, land };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new GetZustaendigeKommunenRequest { OzgId = parsed.GetValue(ozgId), Land = parsed.GetValue(land) ?? "" };
            var response = await context.Connection.CallAsync(
                (channel, options) => Client(channel).GetZustaendigeKommunenAsync(request, options).ResponseAsync, cancellationToken);
            return WriteKommunen(context, response.ZustaendigeKommunen);
        });
    }

    private static Command SetKommunen(CliConsole console)
    {
        var (ozgId, land) = (new Argument<int>("ozg-id"), new Argument<string>("land") { Description = "Land kürzel or code" });
        var alle = new Option<bool>("--alle") { Description = "Every Kommune of the Land's register" };
        var keine = new Option<bool>("--keine") { Description = "None: the Land or the Bund carries it out itself" };
        var ags = new Option<string[]>("--ags") { Description = "The responsible Kommunen by AGS (repeat or separate with commas)", Arity = ArgumentArity.ZeroOrMore };
        var (expectedVersion, requestId) = (WriteOptions.ExpectedVersion("responsible Kommunen"), WriteOptions.RequestId());
        var command = new Command("set-kommunen", "Sets which Kommunen of a Land are responsible for a Leistung: --alle, --keine or --ags")
        {
            ozgId, land, alle, keine, ags, expectedVersion, requestId,
        };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var listed = WriteOptions.Listed(parsed.GetValue(ags)).ToList();
            var art = (parsed.GetValue(alle), parsed.GetValue(keine), listed.Count > 0) switch
            {
                (true, false, false) => ZustaendigeKommunenArt.Alle,
                (false, true, false) => ZustaendigeKommunenArt.Keine,
                (false, false, true) => ZustaendigeKommunenArt.Liste,
                _ => throw new CliException("give exactly one of --alle, --keine or --ags"),
            };
            var request = new SetZustaendigeKommunenRequest
            {
                OzgId = parsed.GetValue(ozgId), Land = parsed.GetValue(land) ?? "", Art = art, Ags = { listed },
                RequestId = parsed.GetValue(requestId) ?? Guid.NewGuid().ToString(),
            };
            if (parsed.GetValue(expectedVersion) is { } expected)
            {
                request.ExpectedVersion = expected;
            }

            var response = await context.Connection.CallAsync(
                (channel, options) => Client(channel).SetZustaendigeKommunenAsync(request, options).ResponseAsync, cancellationToken);
            return WriteKommunen(context, response.ZustaendigeKommunen);
        });
    }

    private static ZustaendigkeitService.ZustaendigkeitServiceClient Client(Grpc.Core.ChannelBase channel) => new(channel);

    private static T Parse<T>(Dictionary<string, T> spellings, string? text, string option) =>
        text is not null && spellings.TryGetValue(text, out var value)
            ? value
            : throw new CliException($"{option}: '{text}' is not one of {string.Join(", ", spellings.Keys)}");

    private static int WriteSteckbrief(CliContext context, LeistungSteckbrief steckbrief)
    {
        context.Results.WriteRecord(steckbrief, SteckbriefColumns, Row(steckbrief), $"OZG-Leistung {steckbrief.OzgId}: Steckbrief");
        return ExitCodes.Ok;
    }

    private static int WriteKommunen(CliContext context, ZustaendigeKommunen kommunen)
    {
        object?[] values = [kommunen.OzgId, kommunen.Land, Key(kommunen.Art.ToString()), string.Join(' ', kommunen.Ags), kommunen.Version];
        context.Results.WriteRecord(kommunen, KommunenColumns, values, $"OZG-Leistung {kommunen.OzgId} in {kommunen.Land}: responsible Kommunen");
        return ExitCodes.Ok;
    }

    private static object?[] Row(LeistungSteckbrief s) =>
    [
        s.OzgId, string.Join(' ', s.Ebenen.Select(e => Key(e.ToString()))),
        Fim(s, FimBaustein.Stammtext), Fim(s, FimBaustein.Stammdatenschema), Fim(s, FimBaustein.Stammprozess), s.Version,
    ];

    private static string Fim(LeistungSteckbrief steckbrief, FimBaustein baustein) =>
        steckbrief.Fim.FirstOrDefault(f => f.Baustein == baustein) is { } e
            ? $"{e.FimId} {e.Version} {Statuses.First(s => s.Value == e.Status).Key}"
            : string.Empty;

    private static string Key(string name) => name.ToLowerInvariant();
}

using System.CommandLine;
using OzgGrid.Cli.Output;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>
/// `anschluss set|show|fortschritt|prognose|report`: the checklist of an Onlinedienst's going live in the Kommunen, its
/// progress per Kreis and Land, when a Leistung becomes flächendeckend in a Land, and the Berichtswesen's report of them.
/// </summary>
public static class AnschlussCommands
{
    private static readonly Dictionary<string, AnschlussSchritt> Schritte = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nachnutzungsvereinbarung"] = AnschlussSchritt.Nachnutzungsvereinbarung, ["zustellweg"] = AnschlussSchritt.Zustellweg,
        ["pvog"] = AnschlussSchritt.PvogEintrag, ["fachverfahren"] = AnschlussSchritt.Fachverfahren, ["bezahldienst"] = AnschlussSchritt.Bezahldienst,
        ["go-live-geplant"] = AnschlussSchritt.GoLiveGeplant, ["go-live"] = AnschlussSchritt.GoLiveErfolgt, ["bestaetigt"] = AnschlussSchritt.BestaetigtDurchKommune,
    };

    private static readonly OutputColumn[] ItemColumns =
    [
        new("ags", "AGS"), new("schritt", "Schritt"), new("wert", "Wert"), new("gesetzt_von", "Gesetzt von"), new("gesetzt_am", "Gesetzt am"),
    ];

    private static readonly OutputColumn[] StandColumns =
    [
        new("kreis", "Kreis"), new("kommunen", "Kommunen"), new("begonnen", "Begonnen"), new("online", "Online"), new("ueberfaellig", "Überfällig"),
        .. Schritte.Keys.Select(k => new OutputColumn(k, k)),
    ];

    private static readonly OutputColumn[] FehlendeColumns =
    [
        new("ags", "AGS"), new("blocker", "Blocker"), new("onlinedienst_id", "Onlinedienst"), new("go_live_geplant", "Go-Live geplant"), new("ueberfaellig", "Überfällig"),
    ];

    public static Command Create(CliConsole console) => new("anschluss", "The Anschluss of Onlinedienste in the Kommunen and the flächendeckend forecast")
    {
        Set(console), Show(console), Fortschritt(console), Prognose(console), Report(console),
    };

    private static Command Set(CliConsole console)
    {
        var (onlinedienst, ags) = (new Argument<string>("onlinedienst-id"), new Argument<string>("ags"));
        var items = new Option<string[]>("--set") { Description = $"schritt=wert, schritt one of {string.Join(", ", Schritte.Keys)} (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var clear = new Option<string[]>("--clear") { Description = "Steps to clear (repeat or separate with commas)", Arity = ArgumentArity.ZeroOrMore };
        var (expectedVersion, requestId) = (WriteOptions.ExpectedVersion("Anschluss record"), WriteOptions.RequestId());
        var command = new Command("set", "Sets or clears checklist items of one Kommune (programme management, or the Onlinedienst's Anbieter)")
        {
            onlinedienst, ags, items, clear, expectedVersion, requestId,
        };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var kommune = parsed.GetValue(ags) ?? "";
            var request = new SetAnschlussRequest { OnlinedienstId = parsed.GetValue(onlinedienst) ?? "", RequestId = parsed.GetValue(requestId) ?? Guid.NewGuid().ToString() };
            foreach (var item in parsed.GetValue(items) ?? [])
            {
                var equals = item.IndexOf('=', StringComparison.Ordinal);
                var schritt = equals < 0 ? throw new CliException($"--set: '{item}' is not schritt=wert") : Parse(item[..equals], "--set");
                request.Aenderungen.Add(new AnschlussAenderung { Ags = kommune, Schritt = schritt, Wert = item[(equals + 1)..] });
            }

            request.Aenderungen.Add(WriteOptions.Listed(parsed.GetValue(clear)).Select(s => new AnschlussAenderung { Ags = kommune, Schritt = Parse(s, "--clear"), Clear = true }));
            if (parsed.GetValue(expectedVersion) is { } expected)
            {
                request.ExpectedVersion = expected;
            }

            var response = await context.Connection.CallAsync((channel, options) => Client(channel).SetAnschlussAsync(request, options).ResponseAsync, cancellationToken);
            context.Results.WriteRows(ItemColumns, response.Kommunen.SelectMany(Rows), $"Onlinedienst {response.OnlinedienstId} in {response.Land}: version {response.Version}");
            return ExitCodes.Ok;
        });
    }

    private static Command Show(CliConsole console)
    {
        var (onlinedienst, ags) = (new Argument<string>("onlinedienst-id"), new Argument<string>("ags"));
        var command = new Command("show", "One Kommune's checklist, with who set each item and when") { onlinedienst, ags };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new GetAnschlussRequest { OnlinedienstId = parsed.GetValue(onlinedienst) ?? "", Ags = parsed.GetValue(ags) ?? "" };
            var response = await context.Connection.CallAsync((channel, options) => Client(channel).GetAnschlussAsync(request, options).ResponseAsync, cancellationToken);
            var k = response.Kommune;
            context.Results.WriteRows(ItemColumns, Rows(k),
                $"Onlinedienst {response.OnlinedienstId} in {k.Ags}: offen {Key(k.Offen)}, online {k.Online}, überfällig {k.Ueberfaellig}");
            return ExitCodes.Ok;
        });
    }

    private static Command Fortschritt(CliConsole console)
    {
        var (onlinedienst, land) = (new Argument<string>("onlinedienst-id"), new Argument<string>("land") { Description = "Land kürzel or code" });
        var command = new Command("fortschritt", "Progress of an Onlinedienst in a Land, per Kreis and in all") { onlinedienst, land };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new GetAnschlussFortschrittRequest { OnlinedienstId = parsed.GetValue(onlinedienst) ?? "", Land = parsed.GetValue(land) ?? "" };
            var response = await context.Connection.CallAsync(
                (channel, options) => Client(channel).GetAnschlussFortschrittAsync(request, options).ResponseAsync, cancellationToken);
            var rows = response.Kreise.Select(k => Row(k.Kreis, k.Stand)).Append(Row(response.Land, response.LandStand));
            context.Results.WriteRows(StandColumns, rows, $"Onlinedienst {response.OnlinedienstId} in {response.Land} (überfällig: {string.Join(' ', response.Ueberfaellig)})");
            return ExitCodes.Ok;
        });
    }

    private static Command Prognose(CliConsole console)
    {
        var (ozgId, land) = (new Argument<int>("ozg-id"), new Argument<string>("land") { Description = "Land kürzel or code" });
        var command = new Command("prognose", "When a Leistung becomes flächendeckend in a Land, and what blocks the Kommunen still missing") { ozgId, land };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new GetAnschlussPrognoseRequest { OzgId = parsed.GetValue(ozgId), Land = parsed.GetValue(land) ?? "", PageSize = 500 };
            var fehlende = new List<FehlendeKommune>();
            GetAnschlussPrognoseResponse response;
            do
            {
                response = await context.Connection.CallAsync((channel, options) => Client(channel).GetAnschlussPrognoseAsync(request, options).ResponseAsync, cancellationToken);
                fehlende.AddRange(response.Fehlende);
                request.PageToken = response.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            var ab = response.Flaechendeckend ? "flächendeckend" : response.FlaechendeckendAb.Length > 0 ? $"flächendeckend ab {response.FlaechendeckendAb}"
                : $"kein Datum: {response.OhneGeplantenGoLive} Kommunen ohne geplanten Go-Live";
            context.Results.WriteRows(FehlendeColumns,
                fehlende.Select(f => new object?[] { f.Ags, Key(f.Blocker), f.OnlinedienstId, f.GoLiveGeplant, f.Ueberfaellig ? "überfällig" : string.Empty }),
                $"OZG-Leistung {response.OzgId} in {response.Land}: {response.OnlineKommunen}/{response.ZustaendigeKommunen} online, {ab}");
            return ExitCodes.Ok;
        });
    }

    private static Command Report(CliConsole console)
    {
        var teil = new Argument<string>("teil") { Description = "checklisten, fortschritt or prognose" };
        teil.AcceptOnlyFromAmong("checklisten", "fortschritt", "prognose");
        var land = new Option<string?>("--land") { Description = "Land kürzel or code; default: every Land" };
        var file = new ReportOptions();
        var command = new Command("report", "The Anschluss report as CSV or XLSX: the checklists, the progress, or the forecasts per Leistung and Land")
        {
            teil, land, file.Out, file.Format,
        };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new ExportAnschlussReportRequest
            {
                Land = parsed.GetValue(land) ?? string.Empty,
                Teil = parsed.GetValue(teil) switch
                {
                    "fortschritt" => AnschlussReportTeil.Fortschritt,
                    "prognose" => AnschlussReportTeil.Prognose,
                    _ => AnschlussReportTeil.Checklisten,
                },
                Format = file.Requested(parsed),
            };
            var report = await context.Connection.CallAsync((channel, options) => Client(channel).ExportAnschlussReportAsync(request, options).ResponseAsync, cancellationToken);
            await file.WriteAsync(context, parsed, report.FileName, report.Csv, report.Xlsx, cancellationToken);
            return ExitCodes.Ok;
        });
    }

    private static IEnumerable<object?[]> Rows(AnschlussKommune kommune) =>
        kommune.Eintraege.Select(e => new object?[] { kommune.Ags, Key(e.Schritt), e.Wert, e.GesetztVon, e.GesetztAm.ToDateTimeOffset().ToString("u") });

    private static object?[] Row(string name, AnschlussStand stand) =>
        [name, stand.Kommunen, stand.Begonnen, stand.Online, stand.Ueberfaellig, .. Schritte.Values.Select(s => (object?)stand.Schritte.FirstOrDefault(x => x.Schritt == s)?.Kommunen ?? 0)];

    private static AnschlussSchritt Parse(string text, string option) =>
        Schritte.TryGetValue(text.Trim(), out var schritt) ? schritt : throw new CliException($"{option}: '{text}' is not one of {string.Join(", ", Schritte.Keys)}");

    private static string Key(AnschlussSchritt schritt) => Schritte.FirstOrDefault(s => s.Value == schritt).Key ?? "-";

    private static AnschlussService.AnschlussServiceClient Client(Grpc.Core.ChannelBase channel) => new(channel);
}

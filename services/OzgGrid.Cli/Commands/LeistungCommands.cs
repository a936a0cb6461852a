using System.CommandLine;
using System.Globalization;
using OzgGrid.Cli.Output;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>`leistungen list|show|history|rollout|set-status|set-zustaendigkeit`: the OZG-Leistungen, their status and ownership.</summary>
public static class LeistungCommands
{
    private const int PageSize = 500;

    /// <summary>The columns of a list of Leistungen (also the search's).</summary>
    internal static readonly OutputColumn[] ListColumns =
    [
        new("ozg_id", "OZG-ID"), new("name", "Leistung"), new("themenfeld_id", "TF"), new("reifegrad", "Reifegrad"),
        new("phase", "Phase"), new("laender", "Länder"), new("version", "Version"),
    ];

    private static readonly OutputColumn[] ShowColumns =
    [
        new("ozg_id", "OZG-ID"), new("name", "Leistung"), new("themenfeld_id", "Themenfeld"), new("lage", "Lage"),
        new("reifegrad", "Reifegrad"), new("phase", "Phase"), new("laender", "Länder"), new("umsetzende_stelle", "Umsetzende Stelle"),
        new("efa", "EfA"), new("it_dienstleister", "IT-Dienstleister"), new("nachnutzer_laender", "Nachnutzer"),
        new("leika_leistungen", "LeiKa-Leistungen"), new("version", "Version"), new("changed_by", "Geändert von"), new("changed_at", "Geändert am"),
        new("meilensteine", "Meilensteine"),
    ];

    private static readonly OutputColumn[] HistoryColumns =
    [
        new("version", "Version"), new("kind", "Art"), new("changed_by", "Von"), new("changed_at", "Am"), new("fields", "Änderungen"),
    ];

    private static readonly OutputColumn[] StatusColumns =
    [
        new("ozg_id", "OZG-ID"), new("version", "Version"), new("reifegrad", "Reifegrad"), new("phase", "Phase"), new("laender", "Länder"),
    ];

    private static readonly OutputColumn[] ZustaendigkeitColumns =
    [
        new("ozg_id", "OZG-ID"), new("version", "Version"), new("umsetzende_stelle", "Umsetzende Stelle"), new("efa", "EfA"),
        new("it_dienstleister", "IT-Dienstleister"), new("nachnutzer_laender", "Nachnutzer"),
    ];

    public static Command Create(CliConsole console) => new("leistungen", "The OZG-Leistungen: status, ownership, history")
    {
        List(console), Show(console), History(console), LeistungRolloutCommands.Rollout(console), SetStatus(console), SetZustaendigkeit(console),
    };

    private static Command List(CliConsole console)
    {
        var themenfeld = new Option<int?>("--themenfeld") { Description = "Only this Themenfeld (1–14)" };
        var lage = new Option<int?>("--lage") { Description = "Only this Lage" };
        var land = new Option<string?>("--land") { Description = "Only Leistungen available in this Land (kürzel or code)" };
        var minVerfuegbarkeit = new Option<string?>("--min-verfuegbarkeit") { Description = $"With --land: {Labels.VerfuegbarkeitSpellings}" };
        var minReifegrad = new Option<int?>("--min-reifegrad") { Description = "0–4" };
        var maxReifegrad = new Option<int?>("--max-reifegrad") { Description = "0–4" };
        var name = new Option<string?>("--name") { Description = "Part of the name (case-insensitive)" };
        var limit = new Option<int?>("--limit") { Description = "At most this many rows" };
        var command = new Command("list", "Leistungen with Reifegrad, Phase and Länder, filtered")
        {
            themenfeld, lage, land, minVerfuegbarkeit, minReifegrad, maxReifegrad, name, limit,
        };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new ListLeistungenRequest
            {
                PageSize = PageSize, Land = parsed.GetValue(land) ?? "", NameContains = parsed.GetValue(name) ?? "",
            };
            SetIfGiven(parsed.GetValue(themenfeld), value => request.ThemenfeldId = value);
            SetIfGiven(parsed.GetValue(lage), value => request.LageId = value);
            SetIfGiven(parsed.GetValue(minReifegrad), value => request.MinReifegrad = value);
            SetIfGiven(parsed.GetValue(maxReifegrad), value => request.MaxReifegrad = value);
            if (parsed.GetValue(minVerfuegbarkeit) is { } least)
            {
                request.MinVerfuegbarkeit = Labels.TryParseVerfuegbarkeit(least, out var parsedLeast)
                    ? parsedLeast
                    : throw new CliException($"--min-verfuegbarkeit: '{least}' is none of {Labels.VerfuegbarkeitSpellings}");
            }

            var max = parsed.GetValue(limit) ?? int.MaxValue;
            var leistungen = new List<LeistungSummary>();
            do
            {
                var page = await context.Connection.CallAsync(
                    (channel, options) => new LeistungService.LeistungServiceClient(channel).ListLeistungenAsync(request, options).ResponseAsync,
                    cancellationToken);
                leistungen.AddRange(page.Leistungen);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0 && leistungen.Count < max);

            var rows = leistungen.Take(max).Select(l => ListRow(context, l)).ToList();
            context.Results.WriteRows(ListColumns, rows, $"{rows.Count} Leistungen");
            return ExitCodes.Ok;
        });
    }

    private static Command Show(CliConsole console)
    {
        var ozgId = OzgIdArgument();
        return new Command("show", "One Leistung: status, Länder, Zuständigkeit, last change") { ozgId }.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var id = parsed.GetValue(ozgId);
            var response = await context.Connection.CallAsync(
                (channel, options) => new LeistungService.LeistungServiceClient(channel).GetLeistungAsync(new GetLeistungRequest { OzgId = id }, options).ResponseAsync,
                cancellationToken);
            var (l, fristen) = (response.Leistung, response.Fristen ?? new LeistungFristen());
            var z = l.Zustaendigkeit;
            object?[] values =
            [
                l.OzgId, l.Name, l.ThemenfeldId, $"{l.LageId} {l.LageName}", context.Results.ReifegradCell(l.Status?.Reifegrad ?? 0),
                context.Results.PhaseCell(l.Status?.Phase ?? Umsetzungsphase.Unspecified), LaenderCell.Of(l.Status),
                UmsetzendeStelle(z), z?.Efa, Blank(z?.ItDienstleister), z is null ? null : string.Join(' ', z.NachnutzerLaender),
                l.LeikaLeistungen.Count, l.Version, l.LastChange?.ChangedBy, Time(l.LastChange?.ChangedAt),
                MeilensteineCell.Of(fristen.Meilensteine, fristen.UeberfaelligeMeilensteine),
            ];
            context.Results.WriteRecord(l, ShowColumns, values, $"Leistung {l.OzgId}");
            return ExitCodes.Ok;
        });
    }

    private static Command History(CliConsole console)
    {
        var ozgId = OzgIdArgument();
        var limit = new Option<int>("--limit") { Description = "The newest this many changes", DefaultValueFactory = _ => 20 };
        return new Command("history", "The accepted changes of one Leistung, newest first") { ozgId, limit }.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new ListLeistungChangesRequest { OzgId = parsed.GetValue(ozgId), PageSize = Math.Clamp(parsed.GetValue(limit), 1, 500) };
            var changes = await context.Connection.CallAsync(
                (channel, options) => new LeistungService.LeistungServiceClient(channel).ListLeistungChangesAsync(request, options).ResponseAsync,
                cancellationToken);
            var rows = changes.Changes.Select(c => new object?[]
            {
                c.Version, c.Kind.ToString(), c.ChangedBy, Time(c.ChangedAt),
                string.Join("; ", c.Fields.Select(f => $"{f.Field}: {Blank(f.Before) ?? "-"} → {Blank(f.After) ?? "-"}")),
            }).ToList();
            context.Results.WriteRows(HistoryColumns, rows, $"Leistung {request.OzgId}: changes");
            return ExitCodes.Ok;
        });
    }

    private static Command SetStatus(CliConsole console)
    {
        var ozgId = OzgIdArgument();
        var reifegrad = new Option<int?>("--reifegrad") { Description = "0–4" };
        var phase = new Option<string?>("--phase") { Description = Labels.PhaseSpellings };
        var land = new Option<string?>("--land") { Description = "The Land whose Verfügbarkeit changes (kürzel or code), with --verfuegbarkeit" };
        var verfuegbarkeit = new Option<string?>("--verfuegbarkeit") { Description = Labels.VerfuegbarkeitSpellings };
        var expectedVersion = WriteOptions.ExpectedVersion("Leistung");
        var requestId = WriteOptions.RequestId();
        var command = new Command("set-status", "Changes the Reifegrad, the Phase and/or one Land's Verfügbarkeit")
        {
            ozgId, reifegrad, phase, land, verfuegbarkeit, expectedVersion, requestId,
        };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = StatusRequest.Create(
                parsed.GetValue(ozgId), parsed.GetValue(reifegrad), parsed.GetValue(phase), parsed.GetValue(land), parsed.GetValue(verfuegbarkeit),
                parsed.GetValue(expectedVersion), parsed.GetValue(requestId) ?? Guid.NewGuid().ToString());
            var response = await context.Connection.CallAsync(
                (channel, options) => new LeistungService.LeistungServiceClient(channel).UpdateLeistungStatusAsync(request, options).ResponseAsync,
                cancellationToken);
            object?[] values =
            [
                response.OzgId, response.Version, context.Results.ReifegradCell(response.Status.Reifegrad),
                context.Results.PhaseCell(response.Status.Phase), LaenderCell.Of(response.Status),
            ];
            context.Results.WriteRecord(response, StatusColumns, values, $"Leistung {response.OzgId}: status set");
            return ExitCodes.Ok;
        });
    }

    private static Command SetZustaendigkeit(CliConsole console)
    {
        var ozgId = OzgIdArgument();
        var land = new Option<string?>("--land") { Description = "The umsetzende Stelle is this Land (kürzel or code)" };
        var ressort = new Option<string?>("--bundesressort") { Description = "The umsetzende Stelle is this Bundesressort" };
        var efa = new Option<bool>("--efa") { Description = "Einer für Alle: built once, reused by the Nachnutzer" };
        var itDienstleister = new Option<string?>("--it-dienstleister") { Description = "The registered id of the IT-Dienstleister that builds it" };
        var nachnutzer = new Option<string[]>("--nachnutzer")
        {
            Description = "Nachnutzer-Länder (repeat or separate with commas)", Arity = ArgumentArity.ZeroOrMore,
        };
        var expectedVersion = WriteOptions.ExpectedVersion("Leistung");
        var requestId = WriteOptions.RequestId();
        var command = new Command("set-zustaendigkeit", "Replaces the ownership (Zuständigkeit) of a Leistung (role programm-management)")
        {
            ozgId, land, ressort, efa, itDienstleister, nachnutzer, expectedVersion, requestId,
        };
        command.Aliases.Add("set-owner");
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var zustaendigkeit = new Zustaendigkeit { Efa = parsed.GetValue(efa), ItDienstleister = parsed.GetValue(itDienstleister) ?? "" };
            switch (parsed.GetValue(land), parsed.GetValue(ressort))
            {
                case ({ } byLand, null):
                    zustaendigkeit.Land = byLand;
                    break;
                case (null, { } byRessort):
                    zustaendigkeit.Bundesressort = byRessort;
                    break;
                default:
                    throw new CliException("give the umsetzende Stelle: either --land or --bundesressort");
            }

            zustaendigkeit.NachnutzerLaender.AddRange(WriteOptions.Listed(parsed.GetValue(nachnutzer)));
            var request = new SetZustaendigkeitRequest
            {
                OzgId = parsed.GetValue(ozgId), RequestId = parsed.GetValue(requestId) ?? Guid.NewGuid().ToString(), Zustaendigkeit = zustaendigkeit,
            };
            SetIfGiven(parsed.GetValue(expectedVersion), value => request.ExpectedVersion = value);
            var response = await context.Connection.CallAsync(
                (channel, options) => new LeistungService.LeistungServiceClient(channel).SetZustaendigkeitAsync(request, options).ResponseAsync,
                cancellationToken);
            var z = response.Zustaendigkeit;
            object?[] values = [response.OzgId, response.Version, UmsetzendeStelle(z), z.Efa, Blank(z.ItDienstleister), string.Join(' ', z.NachnutzerLaender)];
            context.Results.WriteRecord(response, ZustaendigkeitColumns, values, $"Leistung {response.OzgId}: Zuständigkeit set");
            return ExitCodes.Ok;
        });
    }

    internal static object?[] ListRow(CliContext context, LeistungSummary l) =>
    [
        l.OzgId, l.Name, l.ThemenfeldId, context.Results.ReifegradCell(l.Status?.Reifegrad ?? 0),
        context.Results.PhaseCell(l.Status?.Phase ?? Umsetzungsphase.Unspecified), LaenderCell.Of(l.Status), l.Version,
    ];

    internal static Argument<int> OzgIdArgument() => new("ozg-id") { Description = "The OZG-ID of the Leistung (e.g. 10000)" };

    private static void SetIfGiven<T>(T? value, Action<T> set) where T : struct
    {
        if (value is { } given)
        {
            set(given);
        }
    }

    private static string? UmsetzendeStelle(Zustaendigkeit? z) => z?.UmsetzendeStelleCase switch
    {
        Zustaendigkeit.UmsetzendeStelleOneofCase.Land => z.Land,
        Zustaendigkeit.UmsetzendeStelleOneofCase.Bundesressort => z.Bundesressort,
        _ => null,
    };

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string? Time(Google.Protobuf.WellKnownTypes.Timestamp? timestamp) =>
        timestamp?.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture);
}

using System.CommandLine;
using OzgGrid.Cli.Output;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>`onlinedienst list|show|register|rate|einsatzgebiet|publish|blockers|report`: Onlinedienste and the Reifegrad of each (Onlinedienst, LeiKa-Leistung) pair.</summary>
public static class OnlinedienstCommands
{
    internal static readonly OutputColumn[] ListColumns =
    [
        new("onlinedienst_id", "ID"), new("name", "Onlinedienst"), new("anbieter_id", "Anbieter"), new("hersteller", "Hersteller"),
        new("leistungen", "LeiKa-Leistungen"), new("veroeffentlicht", "Veröffentlicht"), new("version", "Version"),
    ];

    internal static readonly OutputColumn[] PairColumns =
    [
        new("onlinedienst_id", "ID"), new("leika_key", "LeiKa-Schlüssel"), new("ozg_id", "OZG-ID"),
        new("reifegrad_1_1", "Reifegrad 1.1"), new("reifegrad_2_0", "Reifegrad 2.0"),
    ];

    private static readonly OutputColumn[] BlockerColumns =
    [
        new("modell", "Modell"), new("zielstufe", "Zielstufe"), new("stufe", "Stufe"), new("kriterien", "Kriterien darunter"),
        new("fehlende_basiskomponenten", "Fehlende Basiskomponenten"), new("erreicht", "Erreicht"),
    ];

    public static Command Create(CliConsole console) =>
        new("onlinedienst", "Onlinedienste and the Reifegrad of each (Onlinedienst, LeiKa-Leistung) pair")
        {
            List(console), Show(console), OnlinedienstWriteCommands.Register(console), OnlinedienstWriteCommands.Rate(console),
            OnlinedienstWriteCommands.Einsatzgebiet(console), OnlinedienstWriteCommands.Publish(console), OnlinedienstDetailsCommand.Create(console), Blockers(console),
            ExportCommand.Create(console, "report", "Every (Onlinedienst, LeiKa-Leistung) pair with both levels, CSV or XLSX", async (channel, format, options) =>
            {
                var report = await new OnlinedienstService.OnlinedienstServiceClient(channel)
                    .ExportOnlinedienstReportAsync(new ExportOnlinedienstReportRequest { Format = format }, options);
                return (report.FileName, report.Csv, report.Xlsx);
            }),
        };

    /// <summary>"1.1" or "2.0", as the models are named.</summary>
    internal static ReifegradModell Modell(string? text) => text switch
    {
        "1.1" => ReifegradModell.V11,
        "2.0" => ReifegradModell.V20,
        _ => throw new CliException($"--modell must be 1.1 or 2.0, not '{text}'"),
    };

    internal static string ModellName(ReifegradModell modell) => modell == ReifegradModell.V11 ? "1.1" : "2.0";

    internal static object?[] Pair(string onlinedienstId, UmgesetzteLeistung l) =>
        [onlinedienstId, l.LeikaKey, l.OzgId, l.Reifegrad11?.Stufe, l.Reifegrad20?.Stufe];

    private static Command List(CliConsole console)
    {
        var anbieter = new Option<string?>("--anbieter") { Description = "Only those of this IT-Dienstleister" };
        var hersteller = new Option<string?>("--hersteller") { Description = "Only those of this Hersteller (of the service or a Fachverfahren)" };
        var leistung = new Option<int?>("--leistung") { Description = "Only those implementing this OZG-Leistung (OZG-ID)" };
        var command = new Command("list", "The Onlinedienste, ordered by id") { anbieter, hersteller, leistung };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var found = new List<Onlinedienst>();
            if (parsed.GetValue(leistung) is { } ozgId)
            {
                var response = await context.Connection.CallAsync(
                    (channel, options) => new OnlinedienstService.OnlinedienstServiceClient(channel)
                        .ListLeistungOnlinediensteAsync(new ListLeistungOnlinediensteRequest { OzgId = ozgId }, options).ResponseAsync,
                    cancellationToken);
                found.AddRange(response.Onlinedienste);
            }
            else
            {
                var request = new ListOnlinediensteRequest { PageSize = 500, AnbieterId = parsed.GetValue(anbieter) ?? "", Hersteller = parsed.GetValue(hersteller) ?? "" };
                do
                {
                    var page = await context.Connection.CallAsync(
                        (channel, options) => new OnlinedienstService.OnlinedienstServiceClient(channel).ListOnlinediensteAsync(request, options).ResponseAsync,
                        cancellationToken);
                    found.AddRange(page.Onlinedienste);
                    request.PageToken = page.NextPageToken;
                }
                while (request.PageToken.Length > 0);
            }

            var rows = found.Select(d => new object?[]
            {
                d.OnlinedienstId, d.Name, d.AnbieterId, d.Details?.Hersteller, d.Leistungen.Count, d.Veroeffentlicht, d.Version,
            }).ToList();
            context.Results.WriteRows(ListColumns, rows, "Onlinedienste");
            return ExitCodes.Ok;
        });
    }

    private static Command Show(CliConsole console)
    {
        var id = new Argument<string>("onlinedienst-id");
        var command = new Command("show", "One Onlinedienst: its LeiKa-Leistungen with both levels") { id };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var response = await context.Connection.CallAsync(
                (channel, options) => new OnlinedienstService.OnlinedienstServiceClient(channel)
                    .GetOnlinedienstAsync(new GetOnlinedienstRequest { OnlinedienstId = parsed.GetValue(id) ?? string.Empty }, options).ResponseAsync,
                cancellationToken);
            var d = response.Onlinedienst;
            context.Results.WriteRows(PairColumns, d.Leistungen.Select(l => Pair(d.OnlinedienstId, l)).ToList(),
                $"Onlinedienst {d.OnlinedienstId} ({d.Name}, Anbieter {d.AnbieterId}, version {d.Version})");
            return ExitCodes.Ok;
        });
    }

    private static Command Blockers(CliConsole console)
    {
        var id = new Argument<string>("onlinedienst-id");
        var leikaKey = new Argument<string>("leika-key") { Description = "The 14-digit key of the LeiKa-Leistung" };
        var modell = new Option<string>("--modell") { Description = "1.1 or 2.0", DefaultValueFactory = _ => "2.0" };
        var zielstufe = new Option<int>("--zielstufe") { Description = "The level asked about", Required = true };
        var command = new Command("blockers", "What holds a pair below a level: criteria rated below it, Basiskomponenten missing") { id, leikaKey, modell, zielstufe };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new GetReifegradBlockerRequest
            {
                OnlinedienstId = parsed.GetValue(id) ?? string.Empty, LeikaKey = parsed.GetValue(leikaKey) ?? string.Empty, Modell = Modell(parsed.GetValue(modell)), Zielstufe = parsed.GetValue(zielstufe),
            };
            var b = await context.Connection.CallAsync(
                (channel, options) => new OnlinedienstService.OnlinedienstServiceClient(channel).GetReifegradBlockerAsync(request, options).ResponseAsync,
                cancellationToken);
            object?[] values =
            [
                ModellName(b.Modell), b.Zielstufe, b.Stufe, string.Join(", ", b.Kriterien.Select(k => $"{k.Kriterium}={k.Bewertet}")),
                string.Join(", ", b.FehlendeBasiskomponenten.Select(k => k.ToString())), b.Erreicht,
            ];
            context.Results.WriteRecord(b, BlockerColumns, values, $"Onlinedienst {request.OnlinedienstId}, {request.LeikaKey}: Reifegrad {ModellName(b.Modell)} ≥ {b.Zielstufe}");
            return ExitCodes.Ok;
        });
    }
}

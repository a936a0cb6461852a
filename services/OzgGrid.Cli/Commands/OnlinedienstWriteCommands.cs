using System.CommandLine;
using System.Globalization;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>`onlinedienst register|rate|einsatzgebiet|publish`: the writes of an Onlinedienst's Anbieter (or the programme management).</summary>
public static class OnlinedienstWriteCommands
{
    public static Command Register(CliConsole console)
    {
        var id = new Argument<string>("onlinedienst-id") { Description = "lower-case letters, digits and '-', e.g. kita-portal-sh" };
        var name = new Option<string>("--name") { Required = true };
        var url = new Option<string>("--url") { Required = true, Description = "An absolute http(s) link" };
        var anbieter = new Option<string>("--anbieter") { Required = true, Description = "The registered IT-Dienstleister offering it" };
        var expectedVersion = WriteOptions.ExpectedVersion("Onlinedienst");
        var requestId = WriteOptions.RequestId();
        var command = new Command("register", "Registers an Onlinedienst or changes its name, URL and Anbieter") { id, name, url, anbieter, expectedVersion, requestId };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new RegisterOnlinedienstRequest
            {
                OnlinedienstId = parsed.GetValue(id) ?? string.Empty, RequestId = parsed.GetValue(requestId) ?? Guid.NewGuid().ToString(),
                Name = parsed.GetValue(name) ?? string.Empty, Url = parsed.GetValue(url) ?? string.Empty, AnbieterId = parsed.GetValue(anbieter) ?? string.Empty,
            };
            if (parsed.GetValue(expectedVersion) is { } expected)
            {
                request.ExpectedVersion = expected;
            }

            var d = (await context.Connection.CallAsync(
                (channel, options) => new OnlinedienstService.OnlinedienstServiceClient(channel).RegisterOnlinedienstAsync(request, options).ResponseAsync,
                cancellationToken)).Onlinedienst;
            return Written(context, d, "registered");
        });
    }

    public static Command Einsatzgebiet(CliConsole console)
    {
        var id = new Argument<string>("onlinedienst-id");
        var laender = new Option<string[]>("--land") { Description = "A Land where it is in use throughout (kürzel or code; repeat or separate with commas)", Arity = ArgumentArity.ZeroOrMore };
        var kommunen = new Option<string[]>("--kommune") { Description = "A Kommune using it, by AGS (its Land from the AGS; repeat or separate with commas)", Arity = ArgumentArity.ZeroOrMore };
        var expectedVersion = WriteOptions.ExpectedVersion("Onlinedienst");
        var requestId = WriteOptions.RequestId();
        var command = new Command("einsatzgebiet", "Sets where an Onlinedienst is in use, replacing what was set: whole Länder and listed Kommunen; neither: nowhere")
        {
            id, laender, kommunen, expectedVersion, requestId,
        };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new SetOnlinedienstEinsatzgebietRequest { OnlinedienstId = parsed.GetValue(id) ?? string.Empty, RequestId = parsed.GetValue(requestId) ?? Guid.NewGuid().ToString() };
            request.Einsatzgebiet.AddRange(WriteOptions.Listed(parsed.GetValue(laender)).Select(land => new EinsatzImLand { Land = land }));
            var listed = WriteOptions.Listed(parsed.GetValue(kommunen)).ToList();
            if (listed.FirstOrDefault(ags => ags.Length < 2) is { } tooShort)
            {
                throw new CliException($"--kommune takes an AGS (8 digits, the first two the Land's code), not '{tooShort}'");
            }

            request.Einsatzgebiet.AddRange(listed.GroupBy(ags => ags[..2]).Select(land => new EinsatzImLand { Land = land.Key, Kommunen = { land } }));
            if (parsed.GetValue(expectedVersion) is { } expected)
            {
                request.ExpectedVersion = expected;
            }

            var d = (await context.Connection.CallAsync(
                (channel, options) => new OnlinedienstService.OnlinedienstServiceClient(channel).SetOnlinedienstEinsatzgebietAsync(request, options).ResponseAsync,
                cancellationToken)).Onlinedienst;
            return Written(context, d, $"in use in {(d.Einsatzgebiet.Count == 0 ? "no Land" : string.Join(", ", d.Einsatzgebiet.Select(e => e.Land)))}");
        });
    }

    public static Command Publish(CliConsole console)
    {
        var id = new Argument<string>("onlinedienst-id");
        var withdraw = new Option<bool>("--zurueckziehen") { Description = "Withdraw the publication instead" };
        var expectedVersion = WriteOptions.ExpectedVersion("Onlinedienst");
        var requestId = WriteOptions.RequestId();
        var command = new Command("publish", "Publishes an Onlinedienst (with --zurueckziehen: withdraws it); only a published one in use counts for its Leistungen")
        {
            id, withdraw, expectedVersion, requestId,
        };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new PublishOnlinedienstRequest
            {
                OnlinedienstId = parsed.GetValue(id) ?? string.Empty, RequestId = parsed.GetValue(requestId) ?? Guid.NewGuid().ToString(), Veroeffentlicht = !parsed.GetValue(withdraw),
            };
            if (parsed.GetValue(expectedVersion) is { } expected)
            {
                request.ExpectedVersion = expected;
            }

            var d = (await context.Connection.CallAsync(
                (channel, options) => new OnlinedienstService.OnlinedienstServiceClient(channel).PublishOnlinedienstAsync(request, options).ResponseAsync,
                cancellationToken)).Onlinedienst;
            return Written(context, d, d.Veroeffentlicht ? "published" : "withdrawn");
        });
    }

    public static Command Rate(CliConsole console)
    {
        var id = new Argument<string>("onlinedienst-id");
        var leikaKey = new Argument<string>("leika-key") { Description = "The 14-digit key of the LeiKa-Leistung" };
        var modell = new Option<string>("--modell") { Description = "1.1 or 2.0", Required = true };
        var kriterien = new Option<string[]>("--kriterium")
        {
            Description = "A criterion's level as KEY=LEVEL, e.g. K03=2 (repeat or separate with commas); one not given is not rated", Arity = ArgumentArity.ZeroOrMore,
        };
        var expectedVersion = WriteOptions.ExpectedVersion("Onlinedienst");
        var requestId = WriteOptions.RequestId();
        var command = new Command("rate", "Rates one (Onlinedienst, LeiKa-Leistung) pair by one model, replacing that model's rating")
        {
            id, leikaKey, modell, kriterien, expectedVersion, requestId,
        };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var request = new RateOnlinedienstLeistungRequest
            {
                OnlinedienstId = parsed.GetValue(id) ?? string.Empty, LeikaKey = parsed.GetValue(leikaKey) ?? string.Empty, Modell = OnlinedienstCommands.Modell(parsed.GetValue(modell)),
                RequestId = parsed.GetValue(requestId) ?? Guid.NewGuid().ToString(),
            };
            request.Kriterien.AddRange(WriteOptions.Listed(parsed.GetValue(kriterien)).Select(Kriterium));
            if (parsed.GetValue(expectedVersion) is { } expected)
            {
                request.ExpectedVersion = expected;
            }

            var response = await context.Connection.CallAsync(
                (channel, options) => new OnlinedienstService.OnlinedienstServiceClient(channel).RateOnlinedienstLeistungAsync(request, options).ResponseAsync,
                cancellationToken);
            context.Results.WriteRecord(response.Leistung, OnlinedienstCommands.PairColumns, OnlinedienstCommands.Pair(request.OnlinedienstId, response.Leistung),
                $"Onlinedienst {request.OnlinedienstId}, {request.LeikaKey}: rated by model {OnlinedienstCommands.ModellName(request.Modell)}");
            return ExitCodes.Ok;
        });
    }

    internal static int Written(CliContext context, Onlinedienst d, string what)
    {
        object?[] values = [d.OnlinedienstId, d.Name, d.AnbieterId, d.Details?.Hersteller, d.Leistungen.Count, d.Veroeffentlicht, d.Version];
        context.Results.WriteRecord(d, OnlinedienstCommands.ListColumns, values, $"Onlinedienst {d.OnlinedienstId}: {what}");
        return ExitCodes.Ok;
    }

    private static KriteriumBewertung Kriterium(string text)
    {
        var parts = text.Split('=', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var stufe)
            ? new KriteriumBewertung { Kriterium = parts[0], Stufe = stufe }
            : throw new CliException($"--kriterium takes KEY=LEVEL, e.g. K03=2; not '{text}'");
    }
}

using System.CommandLine;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>`onlinedienst details`: Hersteller, Fachverfahren, Portale, Nutzerkonten, Vertrauensniveau, Bezahldienst, Zustellwege, EfA, Basiskomponenten.</summary>
public static class OnlinedienstDetailsCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string>("onlinedienst-id");
        var hersteller = new Option<string>("--hersteller") { Description = "The service's Hersteller" };
        var fachverfahren = new Option<string[]>("--fachverfahren") { Description = "NAME:HERSTELLER of a Fachverfahren it hands over to (repeat)", Arity = ArgumentArity.ZeroOrMore };
        var portale = new Option<string[]>("--portal") { Description = "A portal it is reached through (repeat or separate with commas)", Arity = ArgumentArity.ZeroOrMore };
        var nutzerkonten = new Option<string[]>("--nutzerkonto")
        {
            Description = "bund-id, mein-unternehmenskonto or landeskonto:LAND (repeat or separate with commas)", Arity = ArgumentArity.ZeroOrMore,
        };
        var vertrauensniveau = new Option<string>("--vertrauensniveau") { Description = "keines, niedrig, substantiell or hoch", Required = true };
        var bezahldienst = new Option<string>("--bezahldienst") { Description = "The payment service; none given: it takes no payment" };
        var zustellwege = new Option<string[]>("--zustellweg") { Description = "fit-connect or xta-osci (repeat or separate with commas)", Arity = ArgumentArity.ZeroOrMore };
        var efa = new Option<bool>("--efa") { Description = "Built once for all Länder (Einer für Alle)" };
        var basiskomponenten = new Option<string[]>("--basiskomponente")
        {
            Description = "deutschland-id, organisationskonto, noots, statusmonitor, e-akte or zahlung-hkr (repeat or separate with commas)", Arity = ArgumentArity.ZeroOrMore,
        };
        var expectedVersion = WriteOptions.ExpectedVersion("Onlinedienst");
        var requestId = WriteOptions.RequestId();
        var command = new Command("details", "Sets what an Onlinedienst is made of and asks of its users, replacing the details set before")
        {
            id, hersteller, fachverfahren, portale, nutzerkonten, vertrauensniveau, bezahldienst, zustellwege, efa, basiskomponenten, expectedVersion, requestId,
        };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var details = new OnlinedienstDetails
            {
                Hersteller = parsed.GetValue(hersteller) ?? string.Empty,
                MindestVertrauensniveau = ProjektCommands.Parse<Vertrauensniveau>(parsed.GetValue(vertrauensniveau), "--vertrauensniveau"),
                Bezahldienst = parsed.GetValue(bezahldienst) ?? string.Empty,
                Efa = parsed.GetValue(efa),
                Fachverfahren = { (parsed.GetValue(fachverfahren) ?? []).Select(Fachverfahren) },
                Portale = { WriteOptions.Listed(parsed.GetValue(portale)) },
                Nutzerkonten = { WriteOptions.Listed(parsed.GetValue(nutzerkonten)).Select(Nutzerkonto) },
                Zustellwege = { WriteOptions.Listed(parsed.GetValue(zustellwege)).Select(text => ProjektCommands.Parse<Zustellweg>(text, "--zustellweg")) },
                Basiskomponenten = { WriteOptions.Listed(parsed.GetValue(basiskomponenten)).Select(text => ProjektCommands.Parse<Basiskomponente>(text, "--basiskomponente")) },
            };
            var request = new SetOnlinedienstDetailsRequest
            {
                OnlinedienstId = parsed.GetValue(id) ?? string.Empty, RequestId = parsed.GetValue(requestId) ?? Guid.NewGuid().ToString(), Details = details,
            };
            if (parsed.GetValue(expectedVersion) is { } expected)
            {
                request.ExpectedVersion = expected;
            }

            var d = (await context.Connection.CallAsync(
                (channel, options) => new OnlinedienstService.OnlinedienstServiceClient(channel).SetOnlinedienstDetailsAsync(request, options).ResponseAsync,
                cancellationToken)).Onlinedienst;
            return OnlinedienstWriteCommands.Written(context, d, "details set");
        });
    }

    private static Fachverfahren Fachverfahren(string text)
    {
        var parts = text.Split(':', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2
            ? new Fachverfahren { Name = parts[0], Hersteller = parts[1] }
            : throw new CliException($"--fachverfahren takes NAME:HERSTELLER, e.g. \"KitaPlus:Beispiel GmbH\"; not '{text}'");
    }

    private static Nutzerkonto Nutzerkonto(string text)
    {
        var parts = text.Split(':', 2, StringSplitOptions.TrimEntries);
        return new Nutzerkonto { Art = ProjektCommands.Parse<NutzerkontoArt>(parts[0], "--nutzerkonto"), Land = parts.Length == 2 ? parts[1] : string.Empty };
    }
}

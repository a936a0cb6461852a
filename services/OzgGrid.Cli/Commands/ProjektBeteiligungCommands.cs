using System.CommandLine;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>
/// `projekt beteiligte|finanzierung|onlinedienste`: who takes part in an Umsetzungsprojekt, how it is financed, which
/// Onlinedienste it produced. Each replaces the whole list (none given: the list is emptied).
/// </summary>
public static class ProjektBeteiligungCommands
{
    public static Command Beteiligte(CliConsole console)
    {
        var beteiligte = new Option<string[]>("--beteiligt")
        {
            Description = "kind:key=role, e.g. land:NW=interessiert, it-dienstleister:dataport=mitarbeit-zugesichert (repeat or separate with commas)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        return Write(console, "beteiligte", "Sets the participating organisations and their role (role programm-management)", beteiligte, async (channel, options, write, listed) =>
        {
            var request = new SetProjektBeteiligteRequest { ProjektId = write.ProjektId, RequestId = write.RequestId, Beteiligte = { listed.Select(Beteiligung) } };
            if (write.ExpectedVersion is { } expected)
            {
                request.ExpectedVersion = expected;
            }

            return (await ProjektCommands.Client(channel).SetProjektBeteiligteAsync(request, options)).Projekt;
        });
    }

    public static Command Finanzierung(CliConsole console)
    {
        var finanzierungen = new Option<string[]>("--finanzierung")
        {
            Description = "status:euro:programme, e.g. bewilligt:2500000.00:Konjunkturpaket (repeat or separate with commas)", Arity = ArgumentArity.ZeroOrMore,
        };
        return Write(console, "finanzierung", "Sets how the project is financed (role programm-management)", finanzierungen, async (channel, options, write, listed) =>
        {
            var request = new SetProjektFinanzierungRequest { ProjektId = write.ProjektId, RequestId = write.RequestId, Finanzierungen = { listed.Select(Finanzierung) } };
            if (write.ExpectedVersion is { } expected)
            {
                request.ExpectedVersion = expected;
            }

            return (await ProjektCommands.Client(channel).SetProjektFinanzierungAsync(request, options)).Projekt;
        });
    }

    public static Command Onlinedienste(CliConsole console)
    {
        var onlinedienste = new Option<string[]>("--onlinedienst") { Description = "An Onlinedienst it produced, by id (repeat or separate with commas)", Arity = ArgumentArity.ZeroOrMore };
        return Write(console, "onlinedienste", "Sets the Onlinedienste the project produced (programm-management or the leading IT-Dienstleister)", onlinedienste,
            async (channel, options, write, listed) =>
            {
                var request = new SetProjektOnlinediensteRequest { ProjektId = write.ProjektId, RequestId = write.RequestId, OnlinedienstIds = { listed } };
                if (write.ExpectedVersion is { } expected)
                {
                    request.ExpectedVersion = expected;
                }

                return (await ProjektCommands.Client(channel).SetProjektOnlinediensteAsync(request, options)).Projekt;
            });
    }

    /// <summary>A command writing one list of a project: the project id, the list's option, --expected-version and --request-id.</summary>
    private static Command Write(
        CliConsole console, string name, string description, Option<string[]> values,
        Func<GrpcChannel, CallOptions, ProjektWrite, List<string>, Task<Umsetzungsprojekt>> send)
    {
        var id = ProjektCommands.ProjektId();
        var (expectedVersion, requestId) = (WriteOptions.ExpectedVersion("project"), WriteOptions.RequestId());
        var command = new Command(name, description) { id, values, expectedVersion, requestId };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var write = new ProjektWrite(parsed.GetValue(id)!, parsed.GetValue(requestId) ?? Guid.NewGuid().ToString(), parsed.GetValue(expectedVersion));
            var listed = WriteOptions.Listed(parsed.GetValue(values)).ToList();
            var projekt = await context.Connection.CallAsync((channel, options) => send(channel, options, write, listed), cancellationToken);
            return ProjektCommands.Written(context, projekt, $"{name} set");
        });
    }

    private static Beteiligung Beteiligung(string text)
    {
        var parts = text.Split('=', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2
            ? new Beteiligung { Organisation = ProjektCommands.Organisation(parts[0], "--beteiligt"), Rolle = ProjektCommands.Parse<BeteiligungRolle>(parts[1], "--beteiligt") }
            : throw new CliException($"--beteiligt takes kind:key=role, e.g. land:NW=interessiert; not '{text}'");
    }

    private static Finanzierung Finanzierung(string text)
    {
        var parts = text.Split(':', 3, StringSplitOptions.TrimEntries);
        return parts.Length == 3 && decimal.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var euro) && decimal.Round(euro, 2) == euro
            ? new Finanzierung { Status = ProjektCommands.Parse<FinanzierungStatus>(parts[0], "--finanzierung"), BetragCent = (long)(euro * 100), Programm = parts[2] }
            : throw new CliException($"--finanzierung takes status:euro:programme, e.g. bewilligt:2500000.00:Konjunkturpaket; not '{text}'");
    }
}

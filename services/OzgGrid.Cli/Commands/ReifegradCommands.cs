using System.CommandLine;
using OzgGrid.Cli.Output;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>`reifegrad blockers [--leistung OZG-ID]`: what holds one Leistung's pairs, or the programme's Leistungen, below a level.</summary>
public static class ReifegradCommands
{
    private static readonly OutputColumn[] PairColumns =
    [
        new("onlinedienst_id", "Onlinedienst"), new("leika_key", "LeiKa-Schlüssel"), new("zaehlt", "Zählt"), new("stufe", "Stufe"),
        new("kriterien", "Kriterien darunter"), new("fehlende_basiskomponenten", "Fehlende Basiskomponenten"), new("erreicht", "Erreicht"),
    ];

    private static readonly OutputColumn[] ProgrammeColumns = [new("haelt", "Hält auf"), new("leistungen", "Leistungen"), new("ozg_ids", "OZG-IDs")];

    public static Command Create(CliConsole console) => new("reifegrad", "What holds OZG-Leistungen below a Reifegrad") { Blockers(console) };

    private static Command Blockers(CliConsole console)
    {
        var leistung = new Option<int?>("--leistung") { Description = "One OZG-Leistung (OZG-ID): each of its pairs; without: across the programme" };
        var modell = new Option<string>("--modell") { Description = "1.1 or 2.0", DefaultValueFactory = _ => "2.0" };
        var zielstufe = new Option<int>("--zielstufe") { Description = "The level asked about", Required = true };
        var command = new Command("blockers", "Per Basiskomponente and criterion, the Leistungen held below a level (or one Leistung's pairs)") { leistung, modell, zielstufe };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var (m, n) = (OnlinedienstCommands.Modell(parsed.GetValue(modell)), parsed.GetValue(zielstufe));
            if (parsed.GetValue(leistung) is { } ozgId)
            {
                var paare = await context.Connection.CallAsync(
                    (channel, options) => new ReifegradService.ReifegradServiceClient(channel)
                        .GetLeistungReifegradBlockerAsync(new GetLeistungReifegradBlockerRequest { OzgId = ozgId, Modell = m, Zielstufe = n }, options).ResponseAsync,
                    cancellationToken);
                context.Results.WriteRows(PairColumns, paare.Paare.Select(p => new object?[]
                {
                    p.OnlinedienstId, p.LeikaKey, p.Zaehlt, p.Blocker.Stufe, string.Join(", ", p.Blocker.Kriterien.Select(k => $"{k.Kriterium}={k.Bewertet}")),
                    string.Join(", ", p.Blocker.FehlendeBasiskomponenten), p.Blocker.Erreicht,
                }).ToList(), $"OZG-Leistung {ozgId}: Reifegrad {OnlinedienstCommands.ModellName(m)} ≥ {n}");
                return ExitCodes.Ok;
            }

            var b = await context.Connection.CallAsync(
                (channel, options) => new ReifegradService.ReifegradServiceClient(channel)
                    .GetProgrammeReifegradBlockerAsync(new GetProgrammeReifegradBlockerRequest { Modell = m, Zielstufe = n }, options).ResponseAsync,
                cancellationToken);
            var rows = b.Basiskomponenten.Select(k => new object?[] { k.Basiskomponente.ToString(), k.OzgIds.Count, string.Join(" ", k.OzgIds) })
                .Concat(b.Kriterien.Select(k => new object?[] { $"{k.Kriterium} ({k.Bezeichnung})", k.OzgIds.Count, string.Join(" ", k.OzgIds) }))
                .ToList();
            context.Results.WriteRows(ProgrammeColumns, rows,
                $"Reifegrad {OnlinedienstCommands.ModellName(m)} ≥ {n}: {b.Erreicht.Count} Leistungen erreicht, {b.Darunter.Count} darunter");
            return ExitCodes.Ok;
        });
    }
}

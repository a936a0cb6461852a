using System.CommandLine;
using OzgGrid.Cli.Output;
using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Commands;

/// <summary>
/// `kennzahlen show [bereich]|report`: the figures of the Onlinedienste, Umsetzungsprojekte and Steckbriefe, one dimension at a time
/// (so that each is one table, also as CSV or JSON), or all of them as the report's CSV or XLSX.
/// </summary>
public static class KennzahlenCommands
{
    private const string Bereiche = "uebersicht, hersteller, nutzerkonten, vertrauensniveaus, reifegrad, phasen, finanzierung, fim or zustaendigkeitsebenen";

    public static Command Create(CliConsole console) =>
        new("kennzahlen", "Figures of the Onlinedienste, Umsetzungsprojekte and Steckbriefe: per Hersteller, Nutzerkonto, Vertrauensniveau, Reifegrad, phase, FIM status, Zuständigkeitsebene")
        {
            Show(console), Report(console),
        };

    private static Command Show(CliConsole console)
    {
        var bereich = new Argument<string>("bereich") { Description = Bereiche, Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "uebersicht" };
        bereich.AcceptOnlyFromAmong("uebersicht", "hersteller", "nutzerkonten", "vertrauensniveaus", "reifegrad", "phasen", "finanzierung", "fim", "zustaendigkeitsebenen");
        var modell = new Option<string>("--modell") { Description = "For reifegrad: 1.1 or 2.0", DefaultValueFactory = _ => "2.0" };
        var command = new Command("show", "One dimension of the figures as a table") { bereich, modell };
        return command.WithAction(console, async (context, parsed, cancellationToken) =>
        {
            var m = OnlinedienstCommands.Modell(parsed.GetValue(modell));
            var k = await context.Connection.CallAsync(
                (channel, options) => new OnlinedienstKennzahlenService.OnlinedienstKennzahlenServiceClient(channel)
                    .GetOnlinedienstKennzahlenAsync(new GetOnlinedienstKennzahlenRequest(), options).ResponseAsync,
                cancellationToken);
            (OutputColumn[] Columns, IEnumerable<object?[]> Rows, string Title) view = parsed.GetValue(bereich) switch
            {
                "hersteller" => (Columns(("hersteller", "Hersteller"), ("onlinedienste", "Onlinedienste"), ("fachverfahren", "Fachverfahren"), ("gesamt", "Gesamt")),
                    k.Hersteller.Select(h => new object?[] { h.Hersteller, h.Onlinedienste, h.Fachverfahren, h.Gesamt }), "Onlinedienste per Hersteller"),
                "nutzerkonten" => (Columns(("nutzerkonto", "Nutzerkonto"), ("onlinedienste", "Onlinedienste")),
                    k.Nutzerkonten.Select(n => new object?[] { ProjektCommands.Kebab(n.Art), n.Onlinedienste }), "Onlinedienste per Nutzerkonto"),
                "vertrauensniveaus" => (Columns(("vertrauensniveau", "Vertrauensniveau"), ("onlinedienste", "Onlinedienste")),
                    k.Vertrauensniveaus.Select(v => new object?[] { ProjektCommands.Kebab(v.Vertrauensniveau), v.Onlinedienste }), "Onlinedienste per Mindest-Vertrauensniveau"),
                "reifegrad" => Reifegrad(k.Reifegrad.Single(r => r.Modell == m)),
                "phasen" => (Columns(("phase", "Phase"), ("projekte", "Projekte"), ("im_plan", "Im Plan"), ("ueberfaellig", "Überfällig")),
                    k.Phasen.Select(p => new object?[] { ProjektCommands.Kebab(p.Phase), p.Projekte, p.ImPlan, p.Ueberfaellig }), "Umsetzungsprojekte per phase"),
                "finanzierung" => (Columns(("status", "Status"), ("finanzierungen", "Finanzierungen"), ("projekte", "Projekte"), ("betrag_cent", "Betrag (Cent)")),
                    k.Finanzierungen.Select(f => new object?[] { ProjektCommands.Kebab(f.Status), f.Finanzierungen, f.Projekte, f.BetragCent }), "Finanzierungen per status"),
                "fim" => (Columns(("baustein", "Baustein"), ("status", "Status"), ("leistungen", "Leistungen")),
                    k.Fim.Select(f => new object?[] { ProjektCommands.Kebab(f.Baustein), ProjektCommands.Kebab(f.Status), f.Leistungen }), "Leistungen per FIM building block and status"),
                "zustaendigkeitsebenen" => (Columns(("ebene", "Zuständigkeitsebene"), ("leistungen", "Leistungen")),
                    k.Zustaendigkeitsebenen.Select(e => new object?[] { ProjektCommands.Kebab(e.Ebene), e.Leistungen }), "Leistungen per Zuständigkeitsebene"),
                _ => (Columns(("kennzahl", "Kennzahl"), ("wert", "Wert")),
                    new object?[][]
                    {
                        ["onlinedienste", k.Onlinedienste], ["efa", k.Efa], ["veroeffentlicht", k.Veroeffentlicht], ["paare", k.Paare], ["umsetzungsprojekte", k.Umsetzungsprojekte],
                    }, "Onlinedienste and Umsetzungsprojekte"),
            };
            context.Results.WriteRows(view.Columns, view.Rows.ToList(), view.Title);
            return ExitCodes.Ok;
        });
    }

    /// <summary>Per criterion (and first for the pairs' levels) how many pairs are at each level, and how many have no rating of it.</summary>
    private static (OutputColumn[], IEnumerable<object?[]>, string) Reifegrad(ModellKennzahlen m)
    {
        var stufen = m.Stufen.Select(s => new OutputColumn($"stufe_{s.Stufe}", $"Stufe {s.Stufe}"));
        OutputColumn[] columns = [new("kriterium", "Kriterium"), new("bezeichnung", "Bezeichnung"), .. stufen, new("nicht_bewertet", "Nicht bewertet")];
        IEnumerable<object?[]> rows = [["paare", "Reifegrad der Paare", .. m.Stufen.Select(s => (object?)s.Paare), null]];
        rows = rows.Concat(m.Kriterien.Select(k => (object?[])[k.Kriterium, k.Bezeichnung, .. k.Stufen.Select(s => (object?)s.Paare), k.NichtBewertet]));
        return (columns, rows, $"Reifegrad {OnlinedienstCommands.ModellName(m.Modell)}: pairs per level");
    }

    private static Command Report(CliConsole console) => ExportCommand.Create(
        console, "report", "All figures as one table (bereich, schluessel, merkmal, wert), CSV or XLSX", async (channel, format, options) =>
        {
            var report = await new OnlinedienstKennzahlenService.OnlinedienstKennzahlenServiceClient(channel)
                .ExportOnlinedienstKennzahlenReportAsync(new ExportOnlinedienstKennzahlenReportRequest { Format = format }, options);
            return (report.FileName, report.Csv, report.Xlsx);
        });

    private static OutputColumn[] Columns(params (string Key, string Header)[] columns) => [.. columns.Select(c => new OutputColumn(c.Key, c.Header))];
}

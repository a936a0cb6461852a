using System.Globalization;
using OzgGrid.Cli.Output;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OzgGrid.Cli.Watch;

/// <summary>Draws the watch state: the headline figures with their change since the start, and the feed of the newest changes.</summary>
public static class WatchView
{
    // The figure keys' spelling of the phases, in the order the programme moves through them.
    private static readonly string[] Phases = ["Vorbereitung", "Konzeption", "Umsetzung", "Pilotierung", "RollOut", "Regelbetrieb"];

    public static IEnumerable<(string Label, string Key)> Headline()
    {
        yield return ("Leistungen", "leistungen");
        yield return ("OZG-konform (Reifegrad ≥ 3)", "ozg-konform");
        yield return ("online (≥ 2, in mind. einer Kommune)", "online");
        for (var reifegrad = 0; reifegrad <= 4; reifegrad++)
        {
            yield return ($"Reifegrad {Labels.Reifegrad(reifegrad)}", $"reifegrad/{reifegrad}");
        }

        foreach (var phase in Phases)
        {
            yield return ($"Phase {phase}", $"phase/{phase}");
        }
    }

    public static IRenderable Render(ProgrammeWatchState state, string endpoint)
    {
        var figures = new Table().Border(TableBorder.Rounded).Title("Programme figures")
            .AddColumn("Kennzahl").AddColumn(new TableColumn("Wert").RightAligned()).AddColumn(new TableColumn("seit Start").RightAligned());
        foreach (var (label, key) in Headline())
        {
            var delta = state.Delta(key);
            figures.AddRow(
                Markup.Escape(label), state.Figure(key).ToString(CultureInfo.InvariantCulture),
                delta == 0 ? "" : delta > 0 ? $"[green]+{delta}[/]" : $"[red]{delta}[/]");
        }

        var feed = new Table().Border(TableBorder.Rounded).Title($"Latest changes ({state.ChangesSeen} seen)")
            .AddColumn("Zeit").AddColumn("OZG-ID").AddColumn("Leistung").AddColumn("Art").AddColumn("Von").AddColumn("Änderung");
        foreach (var entry in state.Feed)
        {
            feed.AddRow(
                entry.ChangedAt.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture), entry.OzgId.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(entry.Name), Markup.Escape(entry.Kind), Markup.Escape(entry.ChangedBy), Markup.Escape(entry.Fields));
        }

        return new Rows(figures, feed, new Markup($"[grey]{Markup.Escape(endpoint)} · cursor {Markup.Escape(state.Cursor)} · Ctrl-C to stop[/]"));
    }
}

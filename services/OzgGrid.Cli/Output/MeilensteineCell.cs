using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Output;

/// <summary>Milestones in one cell, as the page's Termine table lists them: "umsetzung NW 2026-06-30 (überfällig)".</summary>
public static class MeilensteineCell
{
    public static string Of(IEnumerable<Meilenstein> meilensteine, IEnumerable<Meilenstein>? ueberfaellig = null)
    {
        var overdue = (ueberfaellig ?? []).ToHashSet();
        return string.Join("; ", meilensteine.Select(m =>
            $"{Labels.Key(m.Phase)} {(m.Land.Length > 0 ? m.Land : "bundesweit")} {m.PlannedDate}{(m.Beschluss.Length > 0 ? $" Beschluss {m.Beschluss}" : "")}{(overdue.Contains(m) ? " (überfällig)" : "")}"));
    }
}

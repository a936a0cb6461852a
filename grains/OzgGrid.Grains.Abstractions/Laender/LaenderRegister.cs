using System.Diagnostics.CodeAnalysis;

namespace OzgGrid.Grains.Abstractions.Laender;

/// <summary>The 16 Länder. They change by constitutional amendment only, so they are part of the code.</summary>
public static class LaenderRegister
{
    public static IReadOnlyList<Land> All { get; } =
    [
        new("01", "SH", "Schleswig-Holstein"),
        new("02", "HH", "Hamburg"),
        new("03", "NI", "Niedersachsen"),
        new("04", "HB", "Bremen"),
        new("05", "NW", "Nordrhein-Westfalen"),
        new("06", "HE", "Hessen"),
        new("07", "RP", "Rheinland-Pfalz"),
        new("08", "BW", "Baden-Württemberg"),
        new("09", "BY", "Bayern"),
        new("10", "SL", "Saarland"),
        new("11", "BE", "Berlin"),
        new("12", "BB", "Brandenburg"),
        new("13", "MV", "Mecklenburg-Vorpommern"),
        new("14", "SN", "Sachsen"),
        new("15", "ST", "Sachsen-Anhalt"),
        new("16", "TH", "Thüringen"),
    ];

    /// <summary>Finds a Land by kürzel ("NW", any case) or two-digit code ("05").</summary>
    public static bool TryFind(string? kuerzelOrCode, [NotNullWhen(true)] out Land? land)
    {
        var text = kuerzelOrCode?.Trim() ?? string.Empty;
        land = All.FirstOrDefault(l =>
            string.Equals(l.Kuerzel, text, StringComparison.OrdinalIgnoreCase) || l.Code == text);
        return land is not null;
    }

    /// <summary>Whether the text is the kürzel of a Land exactly as stored ("NW").</summary>
    public static bool IsKuerzel(string kuerzel) => All.Any(l => l.Kuerzel == kuerzel);
}

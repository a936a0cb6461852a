using System.Diagnostics.CodeAnalysis;
using OzgGrid.Grains.Abstractions.Laender;

namespace OzgGrid.Grains.Abstractions.Kommunen;

/// <summary>
/// The Amtlicher Gemeindeschlüssel: 8 digits, of which the first two are the code of the Land and the first five the
/// Kreis (Land 2, Regierungsbezirk 1, Kreis 2, Gemeinde 3).
/// </summary>
public static class Ags
{
    public const int Length = 8;

    public const int KreisLength = 5;

    /// <summary>The Amtlicher Regionalschlüssel: Kreis (5), Gemeindeverband (4), Gemeinde (3).</summary>
    public const int ArsLength = 12;

    public static bool IsWellFormed([NotNullWhen(true)] string? ags) => ags is { Length: Length } && ags.All(char.IsAsciiDigit);

    public static bool IsWellFormedKreis([NotNullWhen(true)] string? kreis) => kreis is { Length: KreisLength } && kreis.All(char.IsAsciiDigit);

    /// <summary>The Kreis of a well-formed AGS: its first five digits.</summary>
    public static string KreisOf(string ags) => ags[..KreisLength];

    /// <summary>An ARS belongs to an AGS when it starts with its Kreis and ends with its Gemeinde number.</summary>
    public static bool IsArsOf(string ars, string ags) =>
        ars.Length == ArsLength && ars.All(char.IsAsciiDigit)
        && ars.StartsWith(KreisOf(ags), StringComparison.Ordinal) && ars.EndsWith(ags[KreisLength..], StringComparison.Ordinal);

    /// <summary>The Land an AGS belongs to; false when the AGS is malformed or its first two digits name no Land.</summary>
    public static bool TryGetLand([NotNullWhen(true)] string? ags, [NotNullWhen(true)] out Land? land)
    {
        land = null;
        return IsWellFormed(ags) && LaenderRegister.TryFind(ags[..2], out land);
    }
}

using System.Diagnostics.CodeAnalysis;
using OzgGrid.Grains.Abstractions.Laender;

namespace OzgGrid.Grains.Abstractions.Kommunen;

/// <summary>The Amtlicher Gemeindeschlüssel: 8 digits, of which the first two are the code of the Land.</summary>
public static class Ags
{
    public const int Length = 8;

    public static bool IsWellFormed([NotNullWhen(true)] string? ags) => ags is { Length: Length } && ags.All(char.IsAsciiDigit);

    /// <summary>The Land an AGS belongs to; false when the AGS is malformed or its first two digits name no Land.</summary>
    public static bool TryGetLand([NotNullWhen(true)] string? ags, [NotNullWhen(true)] out Land? land)
    {
        land = null;
        return IsWellFormed(ags) && LaenderRegister.TryFind(ags[..2], out land);
    }
}

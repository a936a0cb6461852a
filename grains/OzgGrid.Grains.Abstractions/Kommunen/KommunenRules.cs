using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Laender;

namespace OzgGrid.Grains.Abstractions.Kommunen;

/// <summary>What a Land's Kommunen register must satisfy.</summary>
public static class KommunenRules
{
    /// <summary>More than the largest Land has (Rheinland-Pfalz: about 2,300 Gemeinden).</summary>
    public const int MaxPerLand = 3000;

    public const int MaxNameLength = 200;

    /// <exception cref="InvalidFieldException">The first problem found, naming the Kommune by its position.</exception>
    public static void Validate(Land land, ImmutableArray<Kommune> kommunen)
    {
        if (kommunen.Length > MaxPerLand)
        {
            throw new InvalidFieldException("kommunen", $"At most {MaxPerLand} Kommunen per Land, not {kommunen.Length}.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < kommunen.Length; i++)
        {
            var kommune = kommunen[i];
            if (!Ags.IsWellFormed(kommune.Ags))
            {
                throw new InvalidFieldException($"kommunen[{i}].ags", "An AGS has exactly 8 digits.");
            }

            if (!kommune.Ags.StartsWith(land.Code, StringComparison.Ordinal))
            {
                throw new InvalidFieldException($"kommunen[{i}].ags", $"An AGS in {land.Kuerzel} starts with {land.Code}, not {kommune.Ags[..2]}.");
            }

            if (!seen.Add(kommune.Ags))
            {
                throw new InvalidFieldException($"kommunen[{i}].ags", $"AGS {kommune.Ags} is listed twice.");
            }

            if (string.IsNullOrWhiteSpace(kommune.Name) || kommune.Name.Length > MaxNameLength)
            {
                throw new InvalidFieldException($"kommunen[{i}].name", $"Required: 1–{MaxNameLength} characters.");
            }

            if (!Enum.IsDefined(kommune.Source))
            {
                throw new InvalidFieldException($"kommunen[{i}].source", $"Unknown source {(int)kommune.Source}.");
            }
        }
    }
}

using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Laender;

namespace OzgGrid.Grains.Abstractions.Kommunen;

/// <summary>What a Land's Kommunen register must satisfy.</summary>
public static class KommunenRules
{
    /// <summary>More than the largest Land has (Rheinland-Pfalz: 2,300 Gemeinden).</summary>
    public const int MaxPerLand = 3000;

    public const int MaxNameLength = 200;

    public const int MaxAttributionLength = 500;

    /// <exception cref="InvalidFieldException">The first problem found, naming the Kommune by its position.</exception>
    public static void Validate(Land land, Gebietsstand gebietsstand)
    {
        var kommunen = gebietsstand.Kommunen;
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

            ValidateDetails(kommune, $"kommunen[{i}]");
        }

        ValidateMergers(land, gebietsstand.MergedInto, seen);
        if (gebietsstand.Attribution.Length > MaxAttributionLength)
        {
            throw new InvalidFieldException("attribution", $"At most {MaxAttributionLength} characters.");
        }
    }

    private static void ValidateDetails(Kommune kommune, string field)
    {
        if (string.IsNullOrWhiteSpace(kommune.Name) || kommune.Name.Length > MaxNameLength)
        {
            throw new InvalidFieldException($"{field}.name", $"Required: 1–{MaxNameLength} characters.");
        }

        if (!Enum.IsDefined(kommune.Source))
        {
            throw new InvalidFieldException($"{field}.source", $"Unknown source {(int)kommune.Source}.");
        }

        if (kommune.KreisName.Length > MaxNameLength)
        {
            throw new InvalidFieldException($"{field}.kreis_name", $"At most {MaxNameLength} characters.");
        }

        if (kommune.Ars.Length > 0 && !Ags.IsArsOf(kommune.Ars, kommune.Ags))
        {
            throw new InvalidFieldException($"{field}.ars",
                $"An ARS has 12 digits, starts with the Kreis {Ags.KreisOf(kommune.Ags)} and ends with the Gemeinde {kommune.Ags[Ags.KreisLength..]} of AGS {kommune.Ags}.");
        }

        if (kommune.Einwohner < 0)
        {
            throw new InvalidFieldException($"{field}.einwohner", "Cannot be negative.");
        }
    }

    /// <summary>A merger retires an AGS of this Land that the new register no longer lists into one that it lists.</summary>
    private static void ValidateMergers(Land land, ImmutableSortedDictionary<string, string> mergedInto, HashSet<string> listed)
    {
        foreach (var (retired, successor) in mergedInto)
        {
            var field = $"merged_into[{retired}]";
            if (!Ags.IsWellFormed(retired) || !retired.StartsWith(land.Code, StringComparison.Ordinal))
            {
                throw new InvalidFieldException(field, $"A merged Kommune needs an 8-digit AGS of {land.Kuerzel} (starting with {land.Code}).");
            }

            if (listed.Contains(retired))
            {
                throw new InvalidFieldException(field, $"Kommune {retired} is still in the new register, so it cannot have merged into another; leave it out or drop merged_into.");
            }

            if (!listed.Contains(successor))
            {
                throw new InvalidFieldException(field, $"Kommune {retired} merges into {successor}, which is not in the new register of {land.Kuerzel}; list it there.");
            }
        }
    }
}

using System.Collections.Immutable;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Laender;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Validation;

/// <summary>Guard clauses for a Land's register as imported; the register grain checks the rest (KommunenRules).</summary>
public static class KommunenGuard
{
    /// <summary>The rows as a Gebietsstand: a row with merged_into is a merger, every other row a current Kommune.</summary>
    public static Gebietsstand Gebietsstand(IReadOnlyList<Proto.Kommune> rows, string attribution)
    {
        var kommunen = ImmutableArray.CreateBuilder<Kommune>(rows.Count);
        var mergedInto = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, field) = (rows[i], $"kommunen[{i}]");
            if (Ags.IsWellFormed(row.Ags) && row.KreisAgs.Length > 0 && row.KreisAgs != Ags.KreisOf(row.Ags))
            {
                throw RequestGuard.Invalid($"{field}.kreis_ags", $"The Kreis of AGS {row.Ags} is {Ags.KreisOf(row.Ags)} (its first five digits), not {RequestGuard.Quote(row.KreisAgs)}.");
            }

            if (row.MergedInto.Length == 0)
            {
                kommunen.Add(row.MapToDomain(field));
            }
            else if (!Ags.IsWellFormed(row.Ags) || !Ags.IsWellFormed(row.MergedInto))
            {
                throw RequestGuard.Invalid($"{field}.merged_into", $"A merger names two 8-digit AGS, not {RequestGuard.Quote(row.Ags)} into {RequestGuard.Quote(row.MergedInto)}.");
            }
            else if (!mergedInto.TryAdd(row.Ags, row.MergedInto))
            {
                throw RequestGuard.Invalid($"{field}.ags", $"AGS {row.Ags} merges twice.");
            }
        }

        var successors = kommunen.Select(k => k.Ags).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].MergedInto is { Length: > 0 } successor && !successors.Contains(successor))
            {
                throw RequestGuard.Invalid($"kommunen[{i}].merged_into",
                    $"Kommune {rows[i].Ags} merges into {successor}, which this import does not list as a current Kommune; add its row.");
            }
        }

        return new Gebietsstand(kommunen.ToImmutable(), mergedInto.ToImmutable(), RequestGuard.Text(attribution, "attribution", KommunenRules.MaxAttributionLength));
    }

    /// <summary>A Kreis of the Land given: five digits starting with the Land's code.</summary>
    public static string Kreis(string kreisAgs, string land, string field)
    {
        var code = LaenderRegister.All.Single(l => l.Kuerzel == land).Code;
        return Ags.IsWellFormedKreis(kreisAgs) && kreisAgs.StartsWith(code, StringComparison.Ordinal)
            ? kreisAgs
            : throw RequestGuard.Invalid(field, $"A Kreis of {land} has 5 digits starting with {code}, not {RequestGuard.Quote(kreisAgs)}.");
    }
}

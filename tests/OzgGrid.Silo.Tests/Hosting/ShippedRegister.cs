using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Kommunen;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>The shipped register of all Gemeinden (data/catalog/gemeinden_de.csv), read as the silo reads it on start.</summary>
public static class ShippedRegister
{
    private static readonly Lazy<ImmutableSortedDictionary<string, ImmutableArray<Kommune>>> Laender =
        new(() => ShippedGemeinden.Read(Path.Combine(Repository.Root, "data", "catalog")));

    public static ImmutableSortedDictionary<string, ImmutableArray<Kommune>> ByLand => Laender.Value;

    public static ImmutableArray<Kommune> Of(string land) => Laender.Value[land];

    /// <summary>The AGS of the n-th Gemeinde (1-based, by AGS) of a Land.</summary>
    public static string Ags(string land, int n) => Laender.Value[land][n - 1].Ags;
}

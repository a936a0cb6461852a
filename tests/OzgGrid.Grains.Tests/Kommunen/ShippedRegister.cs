using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Kommunen;

namespace OzgGrid.Grains.Tests.Kommunen;

/// <summary>The shipped register of all Gemeinden (data/catalog/gemeinden_de.csv), for registers made of real Gemeinden.</summary>
public static class ShippedRegister
{
    public static readonly string CatalogDirectory = Path.Combine(AppContext.BaseDirectory, "data", "catalog");

    private static readonly Lazy<ImmutableSortedDictionary<string, ImmutableArray<Kommune>>> Laender = new(() => ShippedGemeinden.Read(CatalogDirectory));

    public static ImmutableSortedDictionary<string, ImmutableArray<Kommune>> ByLand => Laender.Value;

    /// <summary>The first <paramref name="count"/> Gemeinden of a Land, by AGS.</summary>
    public static ImmutableArray<Kommune> First(string land, int count) => Laender.Value[land][..count];

    public static Gebietsstand FirstAsGebietsstand(string land, int count) => Gebietsstand.Of(First(land, count));
}

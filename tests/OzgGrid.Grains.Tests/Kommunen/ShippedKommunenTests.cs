using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Kommunen;

namespace OzgGrid.Grains.Tests.Kommunen;

public sealed class ShippedKommunenTests
{
    private static readonly string CatalogDirectory = Path.Combine(AppContext.BaseDirectory, "data", "catalog");

    [Fact]
    public void The_shipped_NRW_register_has_390_Kommunen_with_AGS_generated_from_their_position_in_the_file()
    {
        var kommunen = ShippedKommunen.ReadNrw(CatalogDirectory);

        Assert.Equal(390, kommunen.Length);
        Assert.Equal(new Kommune("05000001", "Aachen", KommuneSource.GeneratedAgs), kommunen[0]);
        Assert.Equal("05000390", kommunen[^1].Ags);
        Assert.All(kommunen, k => Assert.True(Ags.TryGetLand(k.Ags, out var land) && land.Kuerzel == "NW"));
        Assert.Equal(kommunen.Length, kommunen.Select(k => k.Ags).Distinct().Count());
        Assert.Equal(kommunen.AsEnumerable(), ShippedKommunen.ReadNrw(CatalogDirectory).AsEnumerable());
    }

    [Fact]
    public void Synthetic_Kommunen_say_so_and_carry_their_Land_code()
    {
        var bremen = Abstractions.Laender.LaenderRegister.All.Single(l => l.Kuerzel == "HB");

        var kommunen = SyntheticKommunen.For(bremen, 2);

        Assert.Equal(["04900001", "04900002"], kommunen.Select(k => k.Ags));
        Assert.All(kommunen, k => Assert.Equal(KommuneSource.Synthetic, k.Source));
        Assert.All(kommunen, k => Assert.StartsWith("Synthetische Kommune HB-", k.Name, StringComparison.Ordinal));
    }
}

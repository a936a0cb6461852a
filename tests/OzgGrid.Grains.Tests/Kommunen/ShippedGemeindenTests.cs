using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Kommunen;

namespace OzgGrid.Grains.Tests.Kommunen;

public sealed class ShippedGemeindenTests
{
    [Fact]
    public void The_shipped_register_has_every_Gemeinde_of_every_Land_with_its_Kreis_ARS_and_population()
    {
        var byLand = ShippedRegister.ByLand;
        var rows = File.ReadLines(Path.Combine(ShippedRegister.CatalogDirectory, ShippedGemeinden.File)).Skip(1).Count();

        Assert.Equal(LaenderRegister.All.Select(l => l.Kuerzel).Order(), byLand.Keys);
        Assert.Equal(rows, byLand.Values.Sum(kommunen => kommunen.Length));
        Assert.Equal(396, byLand["NW"].Length);
        Assert.Equal(83_576_223L, byLand.Values.SelectMany(k => k).Sum(k => (long)k.Einwohner));
        foreach (var (kuerzel, kommunen) in byLand)
        {
            var land = LaenderRegister.All.Single(l => l.Kuerzel == kuerzel);
            KommunenRules.Validate(land, Gebietsstand.Of(kommunen));
            Assert.All(kommunen, k => Assert.True(k.KreisName.Length > 0 && Ags.IsArsOf(k.Ars, k.Ags), k.ToString()));
        }

        var aachen = byLand["NW"].Single(k => k.Ags == "05334002");
        Assert.Equal(new Kommune("05334002", "Aachen, Stadt", KommuneSource.Imported, "Städteregion Aachen", "053340002002", aachen.Einwohner), aachen);
        Assert.True(aachen.Einwohner > 200_000);
    }

    [Fact]
    public void Gemeinden_of_one_Kreis_share_one_Kreis_name_in_memory()
    {
        var aachen = ShippedRegister.ByLand["NW"].Where(k => Ags.KreisOf(k.Ags) == "05334").ToList();

        Assert.True(aachen.Count > 1);
        Assert.All(aachen, k => Assert.Same(aachen[0].KreisName, k.KreisName));
    }
}

using Grpc.Core;
using OzgGrid.Gateway.Mapping;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Tests.Mapping;

public sealed class ThemenfeldMappingTests
{
    [Fact]
    public void A_missing_federfuehrung_is_refused()
    {
        Proto.Federfuehrung? missing = null;

        var error = Assert.Throws<RpcException>(() => missing.MapToDomain());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("federfuehrung: ", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_federfuehrung_names_its_laender_by_kuerzel_once_each_and_trims_the_bundesressort()
    {
        var federfuehrung = new Proto.Federfuehrung { Bundesressort = " BMFSFJ ", Laender = { "hb", "04", "NW" } };

        var domain = federfuehrung.MapToDomain();

        Assert.Equal("BMFSFJ", domain.Bundesressort);
        Assert.Equal<string>(["HB", "NW"], domain.Laender);
    }

    [Fact]
    public void A_federfuehrung_with_an_unknown_land_is_refused_naming_the_field()
    {
        var federfuehrung = new Proto.Federfuehrung { Bundesressort = "BMI", Laender = { "NW", "Preußen" } };

        var error = Assert.Throws<RpcException>(() => federfuehrung.MapToDomain());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("federfuehrung.laender: ", error.Status.Detail, StringComparison.Ordinal);
    }
}

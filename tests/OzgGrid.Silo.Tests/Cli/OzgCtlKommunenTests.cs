using System.Text.Json;
using OzgGrid.Cli;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>ozgctl's `kommunen` reads in-process against the real host: the shipped register of a Land, its Kreise, one Kommune.</summary>
[Collection(GatewayCollection.Name)]
public sealed class OzgCtlKommunenTests(GatewayFixture fixture)
{
    /// <summary>A Land no test of the collection imports a Gebietsstand for.</summary>
    private const string Land = "SL";

    private readonly OzgCtlRunner _ozgctl = new(fixture.Host);

    [Fact]
    public async Task List_kreise_and_show_print_the_register_of_a_Land_over_every_page_as_shipped()
    {
        var register = ShippedRegister.Of(Land);
        var kreis = register[^1].Ags[..5];

        var all = await _ozgctl.InProcessAsync("kommunen", "list", Land, "-o", "csv");
        var imKreis = await _ozgctl.InProcessAsync("kommunen", "list", Land, "--kreis", kreis, "-o", "csv");
        var kreise = await _ozgctl.InProcessAsync("kommunen", "kreise", Land, "-o", "csv");
        var show = await _ozgctl.InProcessAsync("kommunen", "show", register[0].Ags, "-o", "json");

        Assert.All([all, imKreis, kreise, show], r => Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString()));
        Assert.Equal(register.Select(k => k.Ags), Column(all.Out));
        Assert.Equal(register.Where(k => k.Ags.StartsWith(kreis, StringComparison.Ordinal)).Select(k => k.Ags), Column(imKreis.Out));
        var expected = register.GroupBy(k => k.Ags[..5]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}|{g.Count()}").ToList();
        Assert.Equal(expected, Rows(kreise.Out).Select(r => $"{r["kreis_ags"]}|{r["kommunen"]}"));
        using var json = JsonDocument.Parse(show.Out);
        Assert.Equal(register[0].Name, json.RootElement.GetProperty("kommune").GetProperty("name").GetString());
    }

    private static IEnumerable<string> Column(string csv) => Rows(csv).Select(r => r["ags"]);

    private static List<Dictionary<string, string>> Rows(string csv) => ReportTable.Read(csv).Rows;
}

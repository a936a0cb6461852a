using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Reifegradmodelle;
using OzgGrid.Grains.Reifegradmodelle;

namespace OzgGrid.Grains.Tests.Reifegradmodelle;

/// <summary>The two models as the shipped data defines them, and the per-pair computation on them: pure, no cluster.</summary>
public sealed class ReifegradModellTests
{
    private static readonly ReifegradModelle Modelle = ReifegradCsvReader.ReadDirectory(Path.Combine(AppContext.BaseDirectory, "data", "reifegrad"));

    [Fact]
    public void The_shipped_data_defines_model_1_1_with_10_criteria_rated_0_to_4_and_model_2_0_with_13_rated_0_to_7()
    {
        Assert.Equal((10, 4, 5), (Modelle.V11.Kriterien.Length, Modelle.V11.HoechsteStufe, Modelle.V11.Stufen.Length));
        Assert.Equal((13, 7, 8), (Modelle.V20.Kriterien.Length, Modelle.V20.HoechsteStufe, Modelle.V20.Stufen.Length));
        Assert.Equal("Online-Leistung", Modelle.V11.Stufen[3]);
        Assert.Empty(Modelle.V11.Anforderungen);
        Assert.Equal(Enum.GetValues<Basiskomponente>().Order(), Modelle.V20.BenoetigteBasiskomponenten(6).Order());

        // Where the source gave no official name, the data says so instead of inventing one.
        Assert.All(Modelle.V20.Kriterien, k => Assert.Contains("nicht verfügbar", k.Hinweis, StringComparison.Ordinal));
    }

    [Fact]
    public void The_level_of_a_rating_is_its_weakest_criterion_and_an_unrated_criterion_counts_as_0()
    {
        var all = Rating(Modelle.V11, 4);

        Assert.Equal(4, Modelle.V11.Stufe(all));
        Assert.Equal(2, Modelle.V11.Stufe(all.SetItem("K07", 2)));
        Assert.Equal(1, Modelle.V11.Stufe(all.SetItem("K07", 2).SetItem("K01", 1)));
        Assert.Equal(0, Modelle.V11.Stufe(all.Remove("K10")));
        Assert.Equal(0, Modelle.V20.Stufe(ImmutableSortedDictionary<string, int>.Empty));
        Assert.Equal(5, Modelle.V20.Stufe(Rating(Modelle.V20, 7).SetItem("K13", 5)));
    }

    [Fact]
    public void What_holds_a_pair_below_a_level_is_each_criterion_rated_below_it_and_each_missing_basiskomponente_it_needs()
    {
        var bewertung = Rating(Modelle.V20, 7).SetItem("K02", 3).SetItem("K09", 5).Remove("K13");

        var blocker = Modelle.V20.Blocker(bewertung, 6, [Basiskomponente.DeutschlandId, Basiskomponente.Noots]);

        Assert.Equal(0, blocker.Stufe);
        Assert.Equal(["K02:3", "K09:5", "K13:0"], blocker.Kriterien.Select(k => $"{k.Kriterium}:{k.Bewertet}"));
        Assert.Equal(
            new[] { Basiskomponente.Organisationskonto, Basiskomponente.Statusmonitor, Basiskomponente.EAkte, Basiskomponente.ZahlungHkr },
            blocker.FehlendeBasiskomponenten.ToArray());
        Assert.False(blocker.Erreicht);
    }

    [Fact]
    public void A_level_whose_criteria_are_met_and_that_needs_no_missing_basiskomponente_is_reached()
    {
        var bewertung = Rating(Modelle.V20, 5);

        Assert.True(Modelle.V20.Blocker(bewertung, 5, []).Erreicht);
        Assert.True(Modelle.V20.Blocker(Rating(Modelle.V20, 6), 6, Enum.GetValues<Basiskomponente>()).Erreicht);

        // Level 7 needs what level 6 needs: the Basiskomponenten carry upwards.
        Assert.Equal(6, Modelle.V20.Blocker(Rating(Modelle.V20, 7), 7, [Basiskomponente.EAkte]).FehlendeBasiskomponenten.Length + 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Modelle.V11.Blocker(bewertung, 5, []));
    }

    [Fact]
    public void A_rating_naming_an_unknown_criterion_or_a_level_out_of_range_does_not_fit_the_model()
    {
        Assert.Null(Modelle.V11.Fehler(Rating(Modelle.V11, 4)));
        Assert.Contains("no criterion 'K11'", Modelle.V11.Fehler(ImmutableSortedDictionary<string, int>.Empty.Add("K11", 1)));
        Assert.Contains("0–4, not 5", Modelle.V11.Fehler(ImmutableSortedDictionary<string, int>.Empty.Add("K01", 5)));
        Assert.Null(Modelle.V20.Fehler(ImmutableSortedDictionary<string, int>.Empty.Add("K13", 7)));
    }

    [Fact]
    public void Data_that_does_not_fit_fails_naming_the_file_and_line()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data", "reifegrad"), "*.csv")
            .ToDictionary(path => Path.GetFileName(path), File.ReadAllText);
        files["kriterien.csv"] += "3.0,K01,Kriterium 1,,\n";

        var failure = Assert.Throws<InvalidDataException>(() => ReifegradCsvReader.Read(name => new StringReader(files[name])));

        Assert.Contains("kriterien.csv, line 25: column modell", failure.Message);
    }

    private static ImmutableSortedDictionary<string, int> Rating(ReifegradModell modell, int stufe) =>
        modell.Kriterien.ToImmutableSortedDictionary(k => k.Key, _ => stufe, StringComparer.Ordinal);
}

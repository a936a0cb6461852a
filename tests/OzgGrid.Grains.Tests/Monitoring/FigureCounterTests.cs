using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Monitoring;
using static OzgGrid.Grains.Tests.Monitoring.MonitoringSamples;

namespace OzgGrid.Grains.Tests.Monitoring;

public sealed class FigureCounterTests
{
    // --- Moving a Leistung ---

    [Fact]
    public void A_new_leistung_adds_one_to_each_of_its_keys_and_reports_them_with_their_new_values()
    {
        var counter = FigureCounter.Recount([Leistung(ozgId: 10001, reifegrad: Reifegrad.OnlineLeistung)]);
        var leistung = Leistung(ozgId: 10002, reifegrad: Reifegrad.OnlineLeistung, phase: Umsetzungsphase.RollOut)
            .AvailableIn("NW", Verfuegbarkeit.Flaechendeckend);

        var changed = counter.Move(null, leistung);

        var keys = FigureKeys.Of(leistung).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), changed.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.All(changed, figure => Assert.Equal(counter[figure.Key], figure.Value));
        Assert.Equal(2, counter[FigureKeys.Leistungen]);
        Assert.Equal(2, counter[FigureKeys.ThemenfeldReifegrad(6, Reifegrad.OnlineLeistung)]);
        Assert.Equal(1, counter[FigureKeys.Phase(Umsetzungsphase.RollOut)]);
        Assert.Equal(1, counter[FigureKeys.LandFlaechendeckend("NW")]);
    }

    [Fact]
    public void The_keys_of_a_leistung_read_as_the_documented_paths_and_are_made_once()
    {
        var leistung = Leistung(ozgId: 10002, themenfeldId: 6, lageId: 26, reifegrad: Reifegrad.OnlineLeistung, phase: Umsetzungsphase.RollOut)
            .AvailableIn("NW", Verfuegbarkeit.Flaechendeckend);

        var keys = FigureKeys.Of(leistung).ToList();

        Assert.Equal(
            ["leistungen", "reifegrad/3", "phase/RollOut", "themenfeld/6", "themenfeld/6/reifegrad/3", "themenfeld/6/phase/RollOut",
             "lage/26", "lage/26/reifegrad/3", "ozg-konform"],
            keys.Take(9));
        Assert.Contains("land/NW/verfuegbarkeit/Flaechendeckend", keys);
        Assert.Contains("land/NW/flaechendeckend", keys);
        Assert.Contains("land/NW/in-mindestens-einer-kommune", keys);
        Assert.Contains("land/BY/verfuegbarkeit/Keine", keys);
        Assert.Contains("online", keys);
        Assert.Equal(keys, FigureKeys.Of(leistung));
        Assert.All(keys.Zip(FigureKeys.Of(leistung)), pair => Assert.Same(pair.First, pair.Second));
    }

    [Theory]
    [InlineData(1, Reifegrad.FormularAssistent)]
    [InlineData(Reifegrad.FormularAssistent, 1)]
    [InlineData(Reifegrad.OnlineLeistung, 1)]
    public void A_move_that_keeps_the_verfuegbarkeit_counts_as_a_recount_does_online_included(int from, int to)
    {
        var other = Leistung(ozgId: 10001, reifegrad: Reifegrad.OnlineLeistung).AvailableIn("HB", Verfuegbarkeit.Flaechendeckend);
        var before = Leistung(ozgId: 10002, reifegrad: from).AvailableIn("NW", Verfuegbarkeit.InMindestensEinerKommune);
        var after = before.AtReifegrad(to);
        var counter = FigureCounter.Recount([other, before]);

        var changed = counter.Move(before, after);

        var recount = FigureCounter.Recount([other, after]);
        Assert.Empty(counter.DifferencesTo(recount));
        Assert.Contains(changed, figure => figure.Key == FigureKeys.Online);
        Assert.DoesNotContain(changed, figure => figure.Key.StartsWith("land/", StringComparison.Ordinal));
    }

    [Fact]
    public void Raising_the_reifegrad_from_2_to_3_moves_only_the_reifegrad_counters_and_adds_ozg_konform()
    {
        var other = Leistung(ozgId: 10001, themenfeldId: 6, lageId: 26, reifegrad: Reifegrad.FormularAssistent);
        var before = Leistung(ozgId: 10002, themenfeldId: 6, lageId: 26, reifegrad: Reifegrad.FormularAssistent);
        var counter = FigureCounter.Recount([other, before]);

        var changed = counter.Move(before, before.AtReifegrad(Reifegrad.OnlineLeistung));

        var expected = new Dictionary<string, long>
        {
            [FigureKeys.Reifegrad(2)] = 1,
            [FigureKeys.Reifegrad(3)] = 1,
            [FigureKeys.ThemenfeldReifegrad(6, 2)] = 1,
            [FigureKeys.ThemenfeldReifegrad(6, 3)] = 1,
            [FigureKeys.LageReifegrad(26, 2)] = 1,
            [FigureKeys.LageReifegrad(26, 3)] = 1,
            [FigureKeys.OzgKonform] = 1,
        };
        Assert.Equal(expected, changed.ToDictionary(f => f.Key, f => f.Value));
        Assert.Equal(2, counter[FigureKeys.Leistungen]);
        Assert.Equal(2, counter[FigureKeys.Themenfeld(6)]);
        Assert.Equal(2, counter[FigureKeys.Lage(26)]);
    }

    [Fact]
    public void A_figure_that_drops_to_zero_is_reported_as_zero_and_disappears_from_the_figures()
    {
        var before = Leistung(reifegrad: Reifegrad.FormularAssistent);
        var counter = FigureCounter.Recount([before]);

        var changed = counter.Move(before, before.AtReifegrad(Reifegrad.OnlineLeistung));

        Assert.Contains(new Figure(FigureKeys.Reifegrad(2), 0), changed);
        Assert.DoesNotContain(FigureKeys.Reifegrad(2), counter.ToImmutable().Keys);
        Assert.DoesNotContain(FigureKeys.ThemenfeldReifegrad(6, 2), counter.ToImmutable().Keys);
        Assert.Equal(1, counter.ToImmutable()[FigureKeys.Reifegrad(3)]);
    }

    [Fact]
    public void Moving_a_leistung_into_the_same_state_changes_and_reports_nothing()
    {
        var leistung = Leistung(reifegrad: Reifegrad.OnlineLeistung).AvailableIn("BY", Verfuegbarkeit.Pilot);
        var counter = FigureCounter.Recount([leistung]);
        var figuresBefore = counter.ToImmutable();

        var changed = counter.Move(leistung, leistung with { Version = 2 });

        Assert.Empty(changed);
        Assert.Equal(figuresBefore, counter.ToImmutable());
    }

    // --- What a Leistung counts towards ---

    [Theory]
    [InlineData(Reifegrad.FormularAssistent, Verfuegbarkeit.InMindestensEinerKommune, true)]
    [InlineData(Reifegrad.FormularAssistent, Verfuegbarkeit.Flaechendeckend, true)]
    [InlineData(Reifegrad.OnlineTransaktion, Verfuegbarkeit.Flaechendeckend, true)]
    [InlineData(Reifegrad.OnlineTransaktion, Verfuegbarkeit.Pilot, false)]
    [InlineData(Reifegrad.OnlineTransaktion, Verfuegbarkeit.Keine, false)]
    [InlineData(Reifegrad.Information, Verfuegbarkeit.Flaechendeckend, false)]
    [InlineData(Reifegrad.Offline, Verfuegbarkeit.InMindestensEinerKommune, false)]
    public void Online_needs_reifegrad_2_or_more_and_some_land_with_the_leistung_in_at_least_one_kommune(
        int reifegrad, Verfuegbarkeit verfuegbarkeit, bool online)
    {
        var leistung = Leistung(reifegrad: reifegrad).AvailableIn("HE", verfuegbarkeit);

        var counter = FigureCounter.Recount([leistung]);

        Assert.Equal(online, FigureKeys.Of(leistung).Contains(FigureKeys.Online));
        Assert.Equal(online ? 1 : 0, counter[FigureKeys.Online]);
    }

    [Fact]
    public void Ozg_konform_starts_at_reifegrad_3()
    {
        var counter = FigureCounter.Recount(
            Enumerable.Range(Reifegrad.Offline, 5).Select(r => Leistung(ozgId: 10000 + r, reifegrad: r)));

        Assert.Equal(2, counter[FigureKeys.OzgKonform]);
        Assert.Equal(5, counter[FigureKeys.Leistungen]);
    }

    [Fact]
    public void Flaechendeckend_also_counts_as_available_in_at_least_one_kommune()
    {
        var leistung = Leistung(reifegrad: Reifegrad.OnlineLeistung)
            .AvailableIn("BY", Verfuegbarkeit.Flaechendeckend)
            .AvailableIn("NW", Verfuegbarkeit.InMindestensEinerKommune)
            .AvailableIn("SL", Verfuegbarkeit.Pilot);

        var keys = FigureKeys.Of(leistung).ToHashSet();

        Assert.Contains(FigureKeys.LandFlaechendeckend("BY"), keys);
        Assert.Contains(FigureKeys.LandInMindestensEinerKommune("BY"), keys);
        Assert.Contains(FigureKeys.LandInMindestensEinerKommune("NW"), keys);
        Assert.DoesNotContain(FigureKeys.LandFlaechendeckend("NW"), keys);
        Assert.DoesNotContain(FigureKeys.LandInMindestensEinerKommune("SL"), keys);
        Assert.Contains(FigureKeys.LandVerfuegbarkeit("SL", Verfuegbarkeit.Pilot), keys);
    }

    [Fact]
    public void Each_land_counts_the_leistung_under_exactly_one_verfuegbarkeit_keine_where_none_is_listed()
    {
        var leistung = Leistung().AvailableIn("HB", Verfuegbarkeit.Pilot);

        var keys = FigureKeys.Of(leistung).ToList();

        Assert.All(LaenderRegister.All, land =>
            Assert.Single(keys, key => key.StartsWith($"land/{land.Kuerzel}/verfuegbarkeit/", StringComparison.Ordinal)));
        Assert.Contains(FigureKeys.LandVerfuegbarkeit("HB", Verfuegbarkeit.Pilot), keys);
        Assert.Contains(FigureKeys.LandVerfuegbarkeit("HH", Verfuegbarkeit.Keine), keys);
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }

    // --- Recount and comparison ---

    [Fact]
    public void A_recount_equals_the_same_leistungen_moved_in_one_by_one()
    {
        LeistungSummary[] leistungen =
        [
            Leistung(ozgId: 10001, themenfeldId: 1, lageId: 11, reifegrad: 0),
            Leistung(ozgId: 10002, themenfeldId: 1, lageId: 12, reifegrad: 2, phase: Umsetzungsphase.Pilotierung)
                .AvailableIn("SN", Verfuegbarkeit.InMindestensEinerKommune),
            Leistung(ozgId: 10003, themenfeldId: 2, lageId: 21, reifegrad: 4, phase: Umsetzungsphase.Regelbetrieb)
                .AvailableIn("SN", Verfuegbarkeit.Flaechendeckend).AvailableIn("TH", Verfuegbarkeit.Pilot),
            Leistung(ozgId: 10004, themenfeldId: 2, lageId: 21, reifegrad: 3),
        ];
        var moved = new FigureCounter();
        foreach (var leistung in leistungen)
        {
            moved.Move(null, leistung);
        }

        var recount = FigureCounter.Recount(leistungen);

        Assert.Equal(recount.ToImmutable(), moved.ToImmutable());
        Assert.Empty(recount.DifferencesTo(moved));
        Assert.Equal(2, recount[FigureKeys.Online]);
        Assert.Equal(2, recount[FigureKeys.LandInMindestensEinerKommune("SN")]);
    }

    [Fact]
    public void Differences_name_exactly_the_keys_whose_values_differ_in_key_order()
    {
        var counter = FigureCounter.From(new Dictionary<string, long>
        {
            [FigureKeys.Leistungen] = 3, [FigureKeys.Reifegrad(1)] = 2, [FigureKeys.Online] = 1,
        });
        var other = FigureCounter.From(new Dictionary<string, long>
        {
            [FigureKeys.Leistungen] = 3, [FigureKeys.Reifegrad(1)] = 1, [FigureKeys.OzgKonform] = 1,
        });

        Assert.Equal<string>(["online", "ozg-konform", "reifegrad/1"], counter.DifferencesTo(other));
        Assert.Equal<string>(["online", "ozg-konform", "reifegrad/1"], other.DifferencesTo(counter));
        Assert.Empty(counter.DifferencesTo(FigureCounter.From(counter.ToImmutable())));
    }

    [Fact]
    public void A_thousand_random_moves_leave_the_figures_equal_to_a_recount_of_the_current_states()
    {
        const int seed = 20_260_301;
        const int moves = 1_000;
        const int leistungen = 50;
        var random = new Random(seed);
        var current = new Dictionary<int, LeistungSummary>();
        var counter = new FigureCounter();

        for (var move = 1; move <= moves; move++)
        {
            var ozgId = 10000 + random.Next(leistungen);
            var before = current.GetValueOrDefault(ozgId);
            var after = RandomState(random, ozgId, (before?.Version ?? 0) + 1);

            var figuresBefore = counter.ToImmutable();
            var changed = counter.Move(before, after);
            current[ozgId] = after;

            Assert.All(changed, figure => Assert.Equal(counter[figure.Key], figure.Value));
            var moved = figuresBefore.Keys.Union(counter.ToImmutable().Keys).Where(key => figuresBefore.GetValueOrDefault(key) != counter[key]);
            Assert.Equal(moved.Order(StringComparer.Ordinal), changed.Select(figure => figure.Key).Order(StringComparer.Ordinal));
            if (move % 100 == 0)
            {
                var drifted = counter.DifferencesTo(FigureCounter.Recount(current.Values));
                Assert.True(drifted.Count == 0,
                    $"Seed {seed}: after move {move} these figures differ from a recount: {string.Join(", ", drifted)}");
            }
        }

        Assert.Equal(FigureCounter.Recount(current.Values).ToImmutable(), counter.ToImmutable());
    }

    private static LeistungSummary RandomState(Random random, int ozgId, long version)
    {
        var themenfeldId = random.Next(1, 4);
        var leistung = Leistung(
            ozgId,
            themenfeldId,
            lageId: (themenfeldId * 100) + random.Next(3),
            reifegrad: random.Next(Reifegrad.Offline, Reifegrad.OnlineTransaktion + 1),
            phase: (Umsetzungsphase)random.Next(1, 7),
            version: version);
        for (var i = random.Next(4); i > 0; i--)
        {
            var land = LaenderRegister.All[random.Next(LaenderRegister.All.Count)].Kuerzel;
            leistung = leistung.AvailableIn(land, (Verfuegbarkeit)random.Next(1, 5));
        }

        return leistung;
    }
}

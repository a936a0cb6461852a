using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Leistungen;

namespace OzgGrid.Grains.Tests.Leistungen;

/// <summary>The Reifegrad a Leistung derives from its Onlinedienste' levels, and the bound on what it keeps: pure, no cluster.</summary>
public sealed class AbgeleiteterReifegradTests
{
    private static readonly AbgeleiteterReifegrad Empty = new(1, ImmutableSortedDictionary<string, OnlinedienstStufen>.Empty);

    [Fact]
    public void The_highest_levels_of_the_counting_Onlinedienste_win_and_none_counting_gives_the_hand_set_Reifegrad_back()
    {
        var abgeleitet = Empty
            .With("a", new OnlinedienstStufen(3, 2, 6), limit: 10)
            .With("b", new OnlinedienstStufen(5, 3, 4), limit: 10)
            .With("c", new OnlinedienstStufen(2, null, null), limit: 10);

        var derived = abgeleitet.Apply(LeistungStatus.Initial);
        var fallen = abgeleitet.With("a", new OnlinedienstStufen(4, null, null), 10).With("b", new OnlinedienstStufen(6, null, null), 10).Apply(derived);

        Assert.Equal((3, 2, (int?)6), (derived.Reifegrad, derived.ReifegradOnlinedienste, derived.Reifegrad20));
        Assert.Equal((1, 0, (int?)null), (fallen.Reifegrad, fallen.ReifegradOnlinedienste, fallen.Reifegrad20));
    }

    [Fact]
    public void Past_the_limit_Onlinedienste_that_do_not_count_are_dropped_first()
    {
        var abgeleitet = Empty
            .With("a", new OnlinedienstStufen(1, null, null), limit: 2)
            .With("b", new OnlinedienstStufen(1, 2, 2), limit: 2)
            .With("c", new OnlinedienstStufen(1, 3, 3), limit: 2);

        Assert.Equal(["b", "c"], abgeleitet.Onlinedienste.Keys);
        Assert.Equal(3, abgeleitet.Apply(LeistungStatus.Initial).Reifegrad);
    }
}

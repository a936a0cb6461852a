using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Umsetzungsprojekte;

namespace OzgGrid.Grains.Tests.Umsetzungsprojekte;

/// <summary>How a project's dates give its status on a day, when the status moves next, and which dates cannot be.</summary>
public sealed class UmsetzungsprojektRulesTests
{
    private static readonly DateOnly Today = new(2027, 3, 10);

    [Fact]
    public void The_phase_is_the_latest_begun_in_fact_or_by_plan_and_a_passed_planned_end_without_actual_end_is_overdue()
    {
        var phasen = Phasen(
            new PhasenTermine(ProjektPhase.Vorbereitung, Today.AddDays(-30), Today.AddDays(-20), Today.AddDays(-30), Today.AddDays(-19), 0, string.Empty),
            new PhasenTermine(ProjektPhase.Konzeption, Today.AddDays(-20), Today.AddDays(-1), null, null, 0, string.Empty),
            new PhasenTermine(ProjektPhase.Pilotierung, Today.AddDays(5), Today.AddDays(9), Today.AddDays(-2), null, 0, string.Empty));

        var status = UmsetzungsprojektRules.StatusAt(phasen, Today);

        // Pilotierung began early in fact; Vorbereitung ended a day late but ended; Konzeption's end passed unreached.
        Assert.Equal(ProjektPhase.Pilotierung, status.Phase);
        Assert.Equal([ProjektPhase.Konzeption], status.Ueberfaellig.ToArray());
        Assert.False(UmsetzungsprojektRules.StatusAt(phasen, Today.AddDays(-1)).IstUeberfaellig);
    }

    [Fact]
    public void Without_dates_a_project_is_in_vorbereitung_on_time_and_has_no_next_change()
    {
        var phasen = UmsetzungsprojektRules.LeerePhasen();

        Assert.Equal(new ProjektStatus(ProjektPhase.Vorbereitung, []).ToString(), UmsetzungsprojektRules.StatusAt(phasen, Today).ToString());
        Assert.Null(UmsetzungsprojektRules.NextChange(phasen, Moment(Today)));
    }

    [Fact]
    public void The_next_change_is_the_next_planned_start_not_begun_or_the_day_after_a_planned_end_not_reached()
    {
        var phasen = Phasen(
            new PhasenTermine(ProjektPhase.Konzeption, Today.AddDays(-5), Today.AddDays(3), Today.AddDays(-5), null, 0, string.Empty),
            new PhasenTermine(ProjektPhase.Umsetzung, Today.AddDays(2), Today.AddDays(20), Today, null, 0, string.Empty),
            new PhasenTermine(ProjektPhase.Pilotierung, Today.AddDays(6), Today.AddDays(7), null, null, 0, string.Empty));
        var now = Moment(Today).AddHours(9);

        // Umsetzung began already: its planned start moves nothing. Konzeption's end: overdue from the day after.
        Assert.Equal(Moment(Today.AddDays(4)), UmsetzungsprojektRules.NextChange(phasen, now));
        Assert.Equal(Moment(Today.AddDays(6)), UmsetzungsprojektRules.NextChange(phasen, Moment(Today.AddDays(4))));
    }

    [Theory]
    [InlineData(-1, 5, null, null, "planned_end")]
    [InlineData(null, null, -3, -4, "actual_end")]
    [InlineData(null, null, null, -4, "actual_end")]
    [InlineData(null, null, 1, null, "actual_start")]
    [InlineData(null, null, -3, 1, "actual_end")]
    public void Dates_that_cannot_be_are_refused_naming_the_field(int? plannedEnd, int? plannedStart, int? actualStart, int? actualEnd, string field)
    {
        var termine = new PhasenTermine(ProjektPhase.Umsetzung, Day(plannedStart), Day(plannedEnd), Day(actualStart), Day(actualEnd), 0, string.Empty);

        var refused = Assert.Throws<InvalidFieldException>(() => UmsetzungsprojektRules.EnsureConsistent(termine, Today));

        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void Consistent_dates_pass()
    {
        UmsetzungsprojektRules.EnsureConsistent(new PhasenTermine(ProjektPhase.Umsetzung, Today.AddDays(-9), Today.AddDays(9), Today.AddDays(-8), Today, 2, "Grund"), Today);
        UmsetzungsprojektRules.EnsureConsistent(PhasenTermine.Leer(ProjektPhase.RolloutBund), Today);
    }

    private static ImmutableArray<PhasenTermine> Phasen(params PhasenTermine[] set) =>
        [.. UmsetzungsprojektRules.LeerePhasen().Select(p => set.FirstOrDefault(s => s.Phase == p.Phase) ?? p)];

    private static DateOnly? Day(int? offset) => offset is { } days ? Today.AddDays(days) : null;

    private static DateTimeOffset Moment(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

using System.Collections.Immutable;
using OzgGrid.Gateway.Mapping;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Abstractions.Termine;
using Proto = OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Tests.Mapping;

public sealed class ProgrammeManagementChangeMappingTests
{
    private static readonly Meilenstein RollOutInNw = new(Umsetzungsphase.RollOut, "NW", new DateOnly(2026, 12, 31), "2022/23");

    private static readonly EfaNachnutzung Efa = new(10000, "HE", ImmutableSortedDictionary<string, NachnutzungZustand>.Empty
        .Add("BY", NachnutzungZustand.Live).Add("BE", NachnutzungZustand.Live).Add("NW", NachnutzungZustand.Vertrag));

    [Fact]
    public void An_overdue_event_names_the_milestones_overdue_now_and_before()
    {
        var programmeEvent = new ProgrammeEvent(7, ProgrammeEventKind.Ueberfaellig, 10000, "overdue", DateTimeOffset.UnixEpoch, [],
            "ozggrid-fristpruefung", [], [RollOutInNw], [], null);

        var change = programmeEvent.MapToLeistungChange();

        var milestone = Assert.Single(change.Ueberfaellig);
        Assert.Equal((Proto.Umsetzungsphase.RollOut, "NW", "2026-12-31", "2022/23"), (milestone.Phase, milestone.Land, milestone.PlannedDate, milestone.Beschluss));
        Assert.Empty(change.VorherUeberfaellig);
        Assert.Equal(string.Empty, change.Umsetzungsland);
    }

    [Fact]
    public void A_nachnutzung_event_and_the_leistungs_efa_data_count_live_nachnutzer_and_those_on_the_way()
    {
        var programmeEvent = new ProgrammeEvent(8, ProgrammeEventKind.NachnutzungGeaendert, 10000, "efa", DateTimeOffset.UnixEpoch, [],
            "fitko-anna", [], [], [], Efa);

        var change = programmeEvent.MapToLeistungChange();
        var efa = Efa.MapToEfa();

        Assert.Equal(("HE", 2, 1), (change.Umsetzungsland, change.NachnutzerLive, change.NachnutzerInVorbereitung));
        Assert.Equal(("HE", 2, 1), (efa.Umsetzungsland, efa.NachnutzerLive, efa.NachnutzerInVorbereitung));
    }

    [Fact]
    public void The_deadlines_of_a_leistung_say_whether_it_is_overdue_and_with_which_milestones()
    {
        var pilot = new Meilenstein(Umsetzungsphase.Pilotierung, string.Empty, new DateOnly(2026, 6, 30), string.Empty);

        var overdue = new LeistungTermine(10000, 6, [pilot, RollOutInNw], [pilot]).MapToFristen();
        var onTime = new LeistungTermine(10000, 6, [RollOutInNw], []).MapToFristen();

        Assert.True(overdue.Ueberfaellig);
        Assert.Equal("2026-06-30", Assert.Single(overdue.UeberfaelligeMeilensteine).PlannedDate);
        Assert.Equal(2, overdue.Meilensteine.Count);
        Assert.False(onTime.Ueberfaellig);
        Assert.Empty(onTime.UeberfaelligeMeilensteine);
    }
}

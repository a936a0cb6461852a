using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Labore;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.Tests.Labore;

[Collection(ClusterCollection.Name)]
public sealed class LaborGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly TestCatalog _catalog = new(fixture.Grains);

    [Fact]
    public async Task A_defined_lab_starts_with_the_ist_analyse_and_works_on_its_leistungen()
    {
        var (labor, themenfeldId, ozgIds) = await DefineLabAsync();

        var recorded = await labor.GetAsync();

        Assert.Equal(LaborStufe.IstAnalyse, recorded.Body.Stufe);
        Assert.Equal(themenfeldId, recorded.Body.ThemenfeldId);
        Assert.Equal(ozgIds, recorded.Body.OzgIds);
        Assert.Equal(1, recorded.Version);
        Assert.Equal(WriteCommands.DefaultCaller, recorded.LastChange.ChangedBy);
    }

    [Fact]
    public async Task A_lab_of_an_unknown_themenfeld_or_leistung_is_refused_as_not_found()
    {
        var (_, themenfeld, leistungen) = await _catalog.AddThemenfeldAsync(1);
        var labor = _grains.GetGrain<ILaborGrain>(NewLaborId());

        await Assert.ThrowsAsync<NotFoundException>(() => labor.DefineAsync(WriteCommands.New(), "Labor", FreshKeys.Next(), []));
        await Assert.ThrowsAsync<NotFoundException>(() => labor.DefineAsync(WriteCommands.New(), "Labor", themenfeld.ThemenfeldId, [leistungen[0].OzgId, FreshKeys.Next()]));
        await Assert.ThrowsAsync<NotFoundException>(() => labor.GetAsync());
    }

    [Fact]
    public async Task A_lab_is_listed_under_its_themenfeld_and_moves_with_it()
    {
        var (labor, themenfeldId, ozgIds) = await DefineLabAsync();
        var (_, other, _) = await _catalog.AddThemenfeldAsync(1);
        var laborId = labor.GetPrimaryKeyString();
        Assert.Contains(laborId, await _grains.GetGrain<IIdSetGrain>(IdSets.LaboreOf(themenfeldId)).GetAsync());

        await labor.DefineAsync(WriteCommands.New(), "Labor Familie", other.ThemenfeldId, []);

        Assert.DoesNotContain(laborId, await _grains.GetGrain<IIdSetGrain>(IdSets.LaboreOf(themenfeldId)).GetAsync());
        Assert.Contains(laborId, await _grains.GetGrain<IIdSetGrain>(IdSets.LaboreOf(other.ThemenfeldId)).GetAsync());
        Assert.Equal(ozgIds.Count, (await labor.GetChangesAsync(null, 1)).Changes.Single().Fields.Single(f => f.Field == "leistungen").Before.Split(", ").Length);
    }

    [Fact]
    public async Task The_stage_moves_on_one_step_at_a_time_and_never_back()
    {
        var (labor, _, _) = await DefineLabAsync();

        await Assert.ThrowsAsync<RuleViolationException>(() => labor.SetStufeAsync(WriteCommands.New(), LaborStufe.KlickPrototyp));
        var zielbild = await labor.SetStufeAsync(WriteCommands.New(), LaborStufe.Zielbild);
        await Assert.ThrowsAsync<RuleViolationException>(() => labor.SetStufeAsync(WriteCommands.New(), LaborStufe.IstAnalyse));

        Assert.Equal(LaborStufe.Zielbild, zielbild.Body.Stufe);
        Assert.Equal(2, (await labor.GetAsync()).Version);
    }

    [Fact]
    public async Task An_it_dienstleister_taking_part_may_move_the_stage_and_publish_but_not_choose_participants()
    {
        var (labor, _, _) = await DefineLabAsync();
        await labor.SetTeilnehmerAsync(WriteCommands.New(), [
            new LaborTeilnehmer(TeilnehmerArt.ItDienstleister, "dataport", "IT-Architektur"),
            new LaborTeilnehmer(TeilnehmerArt.Land, "SH", "Recht"),
        ]);
        var participant = WriteCommands.New("dataport:alice") with { Scope = new ItDienstleisterScope("dataport", ["SH"]) };
        var outsider = WriteCommands.New("ekom21:bob") with { Scope = new ItDienstleisterScope("ekom21", ["HE"]) };

        var moved = await labor.SetStufeAsync(participant, LaborStufe.Zielbild);
        var published = await labor.PublishBlaupauseAsync(participant with { RequestId = WriteCommands.NewRequestId() }, "Antrag", "https://example.org/antrag", "Antragsstrecke");
        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => labor.SetStufeAsync(outsider, LaborStufe.KlickPrototyp));
        await Assert.ThrowsAsync<AccessDeniedException>(() => labor.SetTeilnehmerAsync(participant with { RequestId = WriteCommands.NewRequestId() }, []));

        Assert.Equal(LaborStufe.Zielbild, moved.Body.Stufe);
        Assert.Single(published.Body.Blaupausen);
        Assert.Contains("ekom21", denied.Message);
        Assert.Equal(LaborStufe.Zielbild, (await labor.GetAsync()).Body.Stufe);
        Assert.Equal("dataport:alice", (await labor.GetAsync()).LastChange.ChangedBy);
    }

    [Fact]
    public async Task Publishing_a_blaupause_again_makes_its_next_version_and_keeps_the_earlier()
    {
        var (labor, _, _) = await DefineLabAsync();

        await labor.PublishBlaupauseAsync(WriteCommands.New(), "Referenzprozess", "https://example.org/v1", "erste Fassung");
        await labor.PublishBlaupauseAsync(WriteCommands.New(), "Datenmodell", "https://example.org/dm", "XÖV");
        var second = await labor.PublishBlaupauseAsync(WriteCommands.New(), "Referenzprozess", "https://example.org/v2", "zweite Fassung");

        var versions = second.Body.Blaupausen.Where(b => b.Name == "Referenzprozess").ToList();
        Assert.Equal([1, 2], versions.Select(b => b.Version));
        Assert.Equal("https://example.org/v2", versions[1].Link);
        Assert.Equal(1, second.Body.Blaupausen.Single(b => b.Name == "Datenmodell").Version);
    }

    [Fact]
    public async Task Every_write_is_recorded_in_the_history_and_a_retry_is_applied_once()
    {
        var (labor, _, _) = await DefineLabAsync();
        var command = WriteCommands.New("fitko-anna");

        var first = await labor.SetStufeAsync(command, LaborStufe.Zielbild);
        var retry = await labor.SetStufeAsync(command, LaborStufe.Zielbild);
        await Assert.ThrowsAsync<RequestIdReusedException>(() => labor.SetStufeAsync(command, LaborStufe.KlickPrototyp));
        var stale = await Assert.ThrowsAsync<VersionConflictException>(() => labor.SetStufeAsync(WriteCommands.New(expectedVersion: 1), LaborStufe.KlickPrototyp));

        Assert.Equal((first.Version, first.LastChange), (retry.Version, retry.LastChange));
        Assert.Equal(2, stale.CurrentVersion);
        var history = await labor.GetChangesAsync(null, 10);
        Assert.Equal([2, 1], history.Changes.Select(c => c.Version));
        Assert.Equal("stufe", history.Changes[0].Action);
        Assert.Equal("fitko-anna", history.Changes[0].Stamp.ChangedBy);
        Assert.Equal(new FieldChange("stufe", "IstAnalyse", "Zielbild"), Assert.Single(history.Changes[0].Fields));
    }

    private async Task<(ILaborGrain Labor, int ThemenfeldId, ImmutableSortedSet<int> OzgIds)> DefineLabAsync()
    {
        var (_, themenfeld, leistungen) = await _catalog.AddThemenfeldAsync(2);
        var ozgIds = leistungen.Select(l => l.OzgId).ToImmutableSortedSet();
        var labor = _grains.GetGrain<ILaborGrain>(NewLaborId());
        await labor.DefineAsync(WriteCommands.New(), "Labor Familie", themenfeld.ThemenfeldId, ozgIds);
        return (labor, themenfeld.ThemenfeldId, ozgIds);
    }

    public static string NewLaborId() => $"labor-{FreshKeys.Next()}";
}

using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Tests.Leistungen;

[Collection(ClusterCollection.Name)]
public sealed class LeistungGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly TestCatalog _catalog = new(fixture.Grains);

    // --- Status transitions ---

    [Fact]
    public async Task A_new_leistung_starts_offline_in_preparation_and_nowhere_available()
    {
        var leistung = await _catalog.AddLeistungAsync();

        var details = await leistung.GetAsync();

        Assert.Equal(Reifegrad.Offline, details.Status.Reifegrad);
        Assert.Equal(Umsetzungsphase.Vorbereitung, details.Status.Phase);
        Assert.Empty(details.Status.Verfuegbarkeit);
        Assert.Null(details.Zustaendigkeit);
        Assert.Equal(1, details.Version);
        Assert.Equal(TestCatalog.Importer, details.LastChange.ChangedBy);
    }

    [Fact]
    public async Task Setting_the_reifegrad_changes_only_the_reifegrad()
    {
        var leistung = await _catalog.AddLeistungAsync();

        var result = await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.OnlineLeistung, null, null));

        Assert.Equal(Reifegrad.OnlineLeistung, result.Status.Reifegrad);
        Assert.Equal(Umsetzungsphase.Vorbereitung, result.Status.Phase);
        Assert.Empty(result.Status.Verfuegbarkeit);
        var stored = (await leistung.GetAsync()).Status;
        Assert.Equal(Reifegrad.OnlineLeistung, stored.Reifegrad);
        Assert.Equal(Umsetzungsphase.Vorbereitung, stored.Phase);
    }

    [Fact]
    public async Task Setting_the_phase_changes_only_the_phase()
    {
        var leistung = await _catalog.AddLeistungAsync();
        await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.FormularAssistent, null, null));

        var result = await leistung.UpdateStatusAsync(WriteCommands.New(), new(null, Umsetzungsphase.Pilotierung, null));

        Assert.Equal(Umsetzungsphase.Pilotierung, result.Status.Phase);
        Assert.Equal(Reifegrad.FormularAssistent, result.Status.Reifegrad);
        Assert.Equal(Umsetzungsphase.Pilotierung, (await leistung.GetAsync()).Status.Phase);
    }

    [Fact]
    public async Task Fields_left_null_keep_their_values()
    {
        var leistung = await _catalog.AddLeistungAsync();
        await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.OnlineLeistung, Umsetzungsphase.RollOut, null));
        await leistung.UpdateStatusAsync(WriteCommands.New(), new(null, null, new("BY", Verfuegbarkeit.Flaechendeckend)));

        await leistung.UpdateStatusAsync(WriteCommands.New(), new(null, null, new("NW", Verfuegbarkeit.Pilot)));

        var status = (await leistung.GetAsync()).Status;
        Assert.Equal(Reifegrad.OnlineLeistung, status.Reifegrad);
        Assert.Equal(Umsetzungsphase.RollOut, status.Phase);
        Assert.Equal(Verfuegbarkeit.Flaechendeckend, status.VerfuegbarkeitIn("BY"));
        Assert.Equal(Verfuegbarkeit.Pilot, status.VerfuegbarkeitIn("NW"));
        Assert.Equal(2, status.Verfuegbarkeit.Count);
    }

    [Fact]
    public async Task Verfuegbarkeit_keine_removes_the_land_from_the_map()
    {
        var leistung = await _catalog.AddLeistungAsync();
        await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.OnlineLeistung, null, new("NW", Verfuegbarkeit.InMindestensEinerKommune)));
        await leistung.UpdateStatusAsync(WriteCommands.New(), new(null, null, new("HE", Verfuegbarkeit.Pilot)));

        var result = await leistung.UpdateStatusAsync(WriteCommands.New(), new(null, null, new("NW", Verfuegbarkeit.Keine)));

        Assert.False(result.Status.Verfuegbarkeit.ContainsKey("NW"));
        Assert.Equal(Verfuegbarkeit.Keine, result.Status.VerfuegbarkeitIn("NW"));
        var stored = (await leistung.GetAsync()).Status.Verfuegbarkeit;
        Assert.Equal(["HE"], stored.Keys);
    }

    // --- Validation ---

    [Theory]
    [InlineData(5)]
    [InlineData(-1)]
    public async Task A_reifegrad_outside_0_to_4_is_refused_naming_the_field(int reifegrad)
    {
        var leistung = await _catalog.AddLeistungAsync();

        var error = await Assert.ThrowsAsync<InvalidFieldException>(
            () => leistung.UpdateStatusAsync(WriteCommands.New(), new(reifegrad, null, null)));

        Assert.Equal("reifegrad", error.Field);
        Assert.Equal(1, (await leistung.GetAsync()).Version);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("nw")]
    [InlineData("05")]
    [InlineData("")]
    public async Task A_verfuegbarkeit_for_anything_but_a_land_kuerzel_is_refused(string land)
    {
        var leistung = await _catalog.AddLeistungAsync();
        await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.OnlineLeistung, null, null));

        var error = await Assert.ThrowsAsync<InvalidFieldException>(
            () => leistung.UpdateStatusAsync(WriteCommands.New(), new(null, null, new(land, Verfuegbarkeit.Pilot))));

        Assert.Equal("verfuegbarkeit.land", error.Field);
        Assert.Empty((await leistung.GetAsync()).Status.Verfuegbarkeit);
    }

    [Fact]
    public async Task An_empty_update_is_refused()
    {
        var leistung = await _catalog.AddLeistungAsync();

        var error = await Assert.ThrowsAsync<InvalidFieldException>(
            () => leistung.UpdateStatusAsync(WriteCommands.New(), new(null, null, null)));

        Assert.Equal("reifegrad", error.Field);
        Assert.Equal(1, (await leistung.GetAsync()).Version);
    }

    [Fact]
    public async Task An_undefined_phase_is_refused_naming_the_field()
    {
        var leistung = await _catalog.AddLeistungAsync();

        var error = await Assert.ThrowsAsync<InvalidFieldException>(
            () => leistung.UpdateStatusAsync(WriteCommands.New(), new(null, (Umsetzungsphase)42, null)));

        Assert.Equal("phase", error.Field);
    }

    // --- Reifegrad 0 has no Verfügbarkeit ---

    [Fact]
    public async Task An_offline_leistung_cannot_be_made_available_in_a_land()
    {
        var leistung = await _catalog.AddLeistungAsync();

        await Assert.ThrowsAsync<RuleViolationException>(
            () => leistung.UpdateStatusAsync(WriteCommands.New(), new(null, null, new("NW", Verfuegbarkeit.Pilot))));

        var details = await leistung.GetAsync();
        Assert.Empty(details.Status.Verfuegbarkeit);
        Assert.Equal(1, details.Version);
    }

    [Fact]
    public async Task An_available_leistung_cannot_be_set_back_to_reifegrad_0()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var available = await leistung.UpdateStatusAsync(
            WriteCommands.New(), new(Reifegrad.FormularAssistent, null, new("NW", Verfuegbarkeit.Pilot)));

        await Assert.ThrowsAsync<RuleViolationException>(
            () => leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.Offline, null, null)));

        var details = await leistung.GetAsync();
        Assert.Equal(Reifegrad.FormularAssistent, details.Status.Reifegrad);
        Assert.Equal(Verfuegbarkeit.Pilot, details.Status.VerfuegbarkeitIn("NW"));
        Assert.Equal(available.Version, details.Version);
    }

    [Fact]
    public async Task Reifegrad_0_is_accepted_together_with_withdrawing_the_last_verfuegbarkeit()
    {
        var leistung = await _catalog.AddLeistungAsync();
        await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.Information, null, new("SN", Verfuegbarkeit.Pilot)));

        var result = await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.Offline, null, new("SN", Verfuegbarkeit.Keine)));

        Assert.Equal(Reifegrad.Offline, result.Status.Reifegrad);
        Assert.Empty(result.Status.Verfuegbarkeit);
    }

    // --- Versions ---

    [Fact]
    public async Task Each_accepted_change_raises_the_version_by_one()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var start = (await leistung.GetAsync()).Version;

        var first = await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.Information, null, null));
        var second = await leistung.UpdateStatusAsync(WriteCommands.New(), new(null, Umsetzungsphase.Konzeption, null));
        var third = await leistung.SetZustaendigkeitAsync(WriteCommands.New(), ByLand("HH"));

        Assert.Equal([start + 1, start + 2, start + 3], [first.Version, second.Version, third.Version]);
        Assert.Equal(start + 3, (await leistung.GetAsync()).Version);
    }

    [Fact]
    public async Task A_change_that_repeats_the_current_status_does_not_raise_the_version()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var changed = await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.OnlineTransaktion, Umsetzungsphase.Regelbetrieb, null));

        var repeated = await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.OnlineTransaktion, Umsetzungsphase.Regelbetrieb, null));
        var keine = await leistung.UpdateStatusAsync(WriteCommands.New(), new(null, null, new("BE", Verfuegbarkeit.Keine)));

        Assert.Equal(changed.Version, repeated.Version);
        Assert.Equal(changed.Version, keine.Version);
        Assert.Equal(changed.LastChange, repeated.LastChange);
        var history = await leistung.GetChangesAsync(null, 100);
        Assert.Equal(2, history.Changes.Length);
    }

    [Fact]
    public async Task A_stale_expected_version_is_refused_with_the_current_version()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var read = await leistung.GetAsync();
        var other = await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.Information, null, null));

        var conflict = await Assert.ThrowsAsync<VersionConflictException>(
            () => leistung.UpdateStatusAsync(WriteCommands.New(expectedVersion: read.Version), new(Reifegrad.OnlineLeistung, null, null)));

        Assert.Equal(read.Version, conflict.ExpectedVersion);
        Assert.Equal(other.Version, conflict.CurrentVersion);
        var details = await leistung.GetAsync();
        Assert.Equal(Reifegrad.Information, details.Status.Reifegrad);
        Assert.Equal(other.Version, details.Version);
    }

    [Fact]
    public async Task The_current_expected_version_is_accepted()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var read = await leistung.GetAsync();

        var result = await leistung.UpdateStatusAsync(WriteCommands.New(expectedVersion: read.Version), new(Reifegrad.Information, null, null));

        Assert.Equal(read.Version + 1, result.Version);
    }

    [Fact]
    public async Task A_stale_expected_version_is_refused_for_a_zustaendigkeit_too()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var current = await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.Information, null, null));

        var conflict = await Assert.ThrowsAsync<VersionConflictException>(
            () => leistung.SetZustaendigkeitAsync(WriteCommands.New(expectedVersion: current.Version - 1), ByLand("NW")));

        Assert.Equal(current.Version, conflict.CurrentVersion);
        Assert.Null((await leistung.GetAsync()).Zustaendigkeit);
    }

    // --- Idempotency ---

    [Fact]
    public async Task A_retry_with_the_same_request_id_is_applied_once()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var command = WriteCommands.New();
        var update = new LeistungStatusUpdate(Reifegrad.FormularAssistent, Umsetzungsphase.Umsetzung, new("RP", Verfuegbarkeit.Pilot));

        var first = await leistung.UpdateStatusAsync(command, update);
        var retry = await leistung.UpdateStatusAsync(command, update);

        Assert.Equal(first.Version, retry.Version);
        Assert.Equal(first.LastChange, retry.LastChange);
        Assert.Equal(first.Status.Reifegrad, retry.Status.Reifegrad);
        Assert.Equal(first.Version, (await leistung.GetAsync()).Version);
        var statusChanges = (await leistung.GetChangesAsync(null, 100)).Changes.Where(c => c.Kind == ChangeKind.Status).ToList();
        var only = Assert.Single(statusChanges);
        Assert.Equal(command.RequestId, only.Stamp.RequestId);
    }

    [Fact]
    public async Task A_retry_after_a_later_change_gets_the_earlier_answer_and_changes_nothing()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var command = WriteCommands.New();
        var first = await leistung.UpdateStatusAsync(command, new(Reifegrad.Information, null, null));
        var later = await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.OnlineLeistung, null, null));

        var retry = await leistung.UpdateStatusAsync(command, new(Reifegrad.Information, null, null));

        Assert.Equal(first.Version, retry.Version);
        Assert.Equal(Reifegrad.Information, retry.Status.Reifegrad);
        var details = await leistung.GetAsync();
        Assert.Equal(Reifegrad.OnlineLeistung, details.Status.Reifegrad);
        Assert.Equal(later.Version, details.Version);
    }

    [Fact]
    public async Task A_retry_with_a_stale_expected_version_still_gets_its_answer()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var command = WriteCommands.New(expectedVersion: 1);
        var first = await leistung.UpdateStatusAsync(command, new(Reifegrad.Information, null, null));

        var retry = await leistung.UpdateStatusAsync(command, new(Reifegrad.Information, null, null));

        Assert.Equal(first.Version, retry.Version);
        Assert.Equal(first.LastChange, retry.LastChange);
    }

    [Fact]
    public async Task A_retry_of_a_write_that_changed_nothing_does_not_undo_a_later_change()
    {
        var leistung = await _catalog.AddLeistungAsync();
        await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.FormularAssistent, null, null));
        var command = WriteCommands.New("it-nrw");
        var answered = await leistung.UpdateStatusAsync(command, new(Reifegrad.FormularAssistent, null, null));
        var later = await leistung.UpdateStatusAsync(WriteCommands.New("dataport"), new(Reifegrad.OnlineLeistung, null, null));

        // The first answer was lost on the way back; the caller retries with the same request id.
        var retry = await leistung.UpdateStatusAsync(command, new(Reifegrad.FormularAssistent, null, null));

        Assert.Equal(answered.Version, retry.Version);
        var details = await leistung.GetAsync();
        Assert.Equal(Reifegrad.OnlineLeistung, details.Status.Reifegrad);
        Assert.Equal(later.Version, details.Version);
    }

    [Fact]
    public async Task A_request_id_reused_for_a_different_change_is_refused()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var command = WriteCommands.New();
        var first = await leistung.UpdateStatusAsync(command, new(Reifegrad.Information, null, null));

        var error = await Assert.ThrowsAsync<RequestIdReusedException>(
            () => leistung.UpdateStatusAsync(command, new(Reifegrad.OnlineLeistung, null, null)));

        Assert.Equal(command.RequestId, error.RequestId);
        var details = await leistung.GetAsync();
        Assert.Equal(Reifegrad.Information, details.Status.Reifegrad);
        Assert.Equal(first.Version, details.Version);
    }

    [Fact]
    public async Task A_request_id_of_a_status_change_cannot_be_reused_for_a_zustaendigkeit()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var command = WriteCommands.New();
        await leistung.UpdateStatusAsync(command, new(Reifegrad.Information, null, null));

        await Assert.ThrowsAsync<RequestIdReusedException>(() => leistung.SetZustaendigkeitAsync(command, ByLand("BB")));

        Assert.Null((await leistung.GetAsync()).Zustaendigkeit);
    }

    [Fact]
    public async Task A_zustaendigkeit_retry_with_the_same_request_id_is_applied_once()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var command = WriteCommands.New();
        var zustaendigkeit = ByLand("HE", efa: true, nachnutzer: ["BY", "NW"]);

        var first = await leistung.SetZustaendigkeitAsync(command, zustaendigkeit);
        var retry = await leistung.SetZustaendigkeitAsync(command, zustaendigkeit with { NachnutzerLaender = ["NW", "BY"] });

        Assert.Equal(first.Version, retry.Version);
        Assert.Equal(first.LastChange, retry.LastChange);
        Assert.Equal(first.Version, (await leistung.GetAsync()).Version);
        await Assert.ThrowsAsync<RequestIdReusedException>(
            () => leistung.SetZustaendigkeitAsync(command, zustaendigkeit with { ItDienstleister = "ITZBund" }));
    }

    // --- History ---

    [Fact]
    public async Task The_history_lists_changes_newest_first_with_who_made_them_and_what_changed()
    {
        var leistung = await _catalog.AddLeistungAsync();
        await leistung.UpdateStatusAsync(WriteCommands.New("it-nrw"), new(Reifegrad.FormularAssistent, null, null));
        await leistung.UpdateStatusAsync(WriteCommands.New("dataport"), new(null, Umsetzungsphase.Konzeption, null));
        await leistung.UpdateStatusAsync(WriteCommands.New("akdb"), new(null, null, new("BY", Verfuegbarkeit.Pilot)));

        var page = await leistung.GetChangesAsync(null, 10);

        Assert.Null(page.NextBeforeVersion);
        Assert.Equal([4L, 3L, 2L, 1L], page.Changes.Select(c => c.Version));
        Assert.Equal(["akdb", "dataport", "it-nrw", TestCatalog.Importer], page.Changes.Select(c => c.Stamp.ChangedBy));
        Assert.Equal(
            [ChangeKind.Status, ChangeKind.Status, ChangeKind.Status, ChangeKind.Katalog],
            page.Changes.Select(c => c.Kind));
        Assert.Equal<FieldChange>([new FieldChange("verfuegbarkeit.BY", "Keine", "Pilot")], page.Changes[0].Fields);
        Assert.Equal<FieldChange>([new FieldChange("phase", "Vorbereitung", "Konzeption")], page.Changes[1].Fields);
        Assert.Equal<FieldChange>([new FieldChange("reifegrad", "0", "2")], page.Changes[2].Fields);
    }

    [Fact]
    public async Task A_change_of_several_fields_records_each_with_its_value_before_and_after()
    {
        var leistung = await _catalog.AddLeistungAsync();
        await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.Information, null, null));

        var result = await leistung.UpdateStatusAsync(
            WriteCommands.New("it-nrw"), new(Reifegrad.OnlineLeistung, Umsetzungsphase.Pilotierung, new("NW", Verfuegbarkeit.Pilot)));

        var newest = (await leistung.GetChangesAsync(null, 1)).Changes.Single();
        Assert.Equal(result.Version, newest.Version);
        Assert.Equal(result.LastChange, newest.Stamp);
        Assert.Equal<FieldChange>(
            [
                new FieldChange("reifegrad", "1", "3"),
                new FieldChange("phase", "Vorbereitung", "Pilotierung"),
                new FieldChange("verfuegbarkeit.NW", "Keine", "Pilot"),
            ],
            newest.Fields);
    }

    [Fact]
    public async Task The_history_pages_through_next_before_version_without_gaps_or_repeats()
    {
        var leistung = await _catalog.AddLeistungAsync();
        foreach (var reifegrad in new[] { 1, 2, 3, 4, 3 })
        {
            await leistung.UpdateStatusAsync(WriteCommands.New(), new(reifegrad, null, null));
        }

        var seen = new List<long>();
        var nextTokens = new List<long?>();
        long? before = null;
        do
        {
            var page = await leistung.GetChangesAsync(before, 2);
            Assert.InRange(page.Changes.Length, 1, 2);
            seen.AddRange(page.Changes.Select(c => c.Version));
            nextTokens.Add(page.NextBeforeVersion);
            before = page.NextBeforeVersion;
        }
        while (before is not null);

        Assert.Equal([6L, 5L, 4L, 3L, 2L, 1L], seen);
        Assert.Equal([5L, 3L, null], nextTokens);
    }

    [Fact]
    public async Task The_history_of_a_retried_change_has_one_entry_by_the_first_caller()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var command = WriteCommands.New("it-sh");
        await leistung.UpdateStatusAsync(command, new(Reifegrad.Information, null, null));
        await leistung.UpdateStatusAsync(command, new(Reifegrad.Information, null, null));

        var changes = (await leistung.GetChangesAsync(null, 10)).Changes;

        Assert.Equal(2, changes.Length);
        Assert.Equal("it-sh", changes[0].Stamp.ChangedBy);
    }

    // --- Unknown Leistungen ---

    [Fact]
    public async Task A_leistung_that_is_not_in_the_catalogue_is_not_found()
    {
        var unknown = _grains.GetGrain<ILeistungGrain>(FreshKeys.Next());

        await Assert.ThrowsAsync<NotFoundException>(unknown.GetAsync);
        await Assert.ThrowsAsync<NotFoundException>(() => unknown.GetChangesAsync(null, 10));
        await Assert.ThrowsAsync<NotFoundException>(
            () => unknown.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.Information, null, null)));
        await Assert.ThrowsAsync<NotFoundException>(() => unknown.SetZustaendigkeitAsync(WriteCommands.New(), ByLand("NW")));
        Assert.Null(await unknown.GetSummaryAsync());
    }

    // --- Zuständigkeit ---

    [Fact]
    public async Task Setting_a_zustaendigkeit_stores_it_and_records_it()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var zustaendigkeit = ByLand("NW", efa: true, nachnutzer: ["HE", "SN"], itDienstleister: "IT.NRW");

        var result = await leistung.SetZustaendigkeitAsync(WriteCommands.New("programm-management"), zustaendigkeit);

        Assert.True(zustaendigkeit.SameAs(result.Zustaendigkeit));
        var details = await leistung.GetAsync();
        Assert.True(zustaendigkeit.SameAs(details.Zustaendigkeit));
        Assert.Equal(result.Version, details.Version);
        var change = (await leistung.GetChangesAsync(null, 1)).Changes.Single();
        Assert.Equal(ChangeKind.Zustaendigkeit, change.Kind);
        Assert.Equal("programm-management", change.Stamp.ChangedBy);
        var field = Assert.Single(change.Fields);
        Assert.Equal("zustaendigkeit", field.Field);
        Assert.Equal(string.Empty, field.Before);
        Assert.Contains("Land:NW", field.After, StringComparison.Ordinal);
        Assert.Contains("HE,SN", field.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replacing_a_zustaendigkeit_keeps_only_the_new_one_and_records_both()
    {
        var leistung = await _catalog.AddLeistungAsync();
        await leistung.SetZustaendigkeitAsync(WriteCommands.New(), ByLand("NW", efa: true, nachnutzer: ["HE"]));
        var bund = new Zustaendigkeit(new(UmsetzendeStelleArt.Bundesressort, "BMI"), true, "ITZBund", ["BY"]);

        var result = await leistung.SetZustaendigkeitAsync(WriteCommands.New(), bund);

        Assert.True(bund.SameAs((await leistung.GetAsync()).Zustaendigkeit));
        Assert.Equal(UmsetzendeStelleArt.Bundesressort, result.Zustaendigkeit?.UmsetzendeStelle.Art);
        var field = (await leistung.GetChangesAsync(null, 1)).Changes.Single().Fields.Single();
        Assert.Contains("Land:NW", field.Before, StringComparison.Ordinal);
        Assert.Contains("Bundesressort:BMI", field.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setting_the_same_zustaendigkeit_again_does_not_raise_the_version()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var first = await leistung.SetZustaendigkeitAsync(WriteCommands.New(), ByLand("TH", efa: true, nachnutzer: ["ST", "SN"]));

        var again = await leistung.SetZustaendigkeitAsync(WriteCommands.New(), ByLand("TH", efa: true, nachnutzer: ["SN", "ST"]));

        Assert.Equal(first.Version, again.Version);
        Assert.Equal(first.Version, (await leistung.GetAsync()).Version);
    }

    [Fact]
    public async Task Nachnutzer_without_efa_are_refused()
    {
        var leistung = await _catalog.AddLeistungAsync();

        var error = await Assert.ThrowsAsync<InvalidFieldException>(
            () => leistung.SetZustaendigkeitAsync(WriteCommands.New(), ByLand("NW", efa: false, nachnutzer: ["HE"])));

        Assert.Equal("zustaendigkeit.nachnutzer_laender", error.Field);
        Assert.Null((await leistung.GetAsync()).Zustaendigkeit);
    }

    [Fact]
    public async Task The_umsetzende_land_cannot_also_be_a_nachnutzer()
    {
        var leistung = await _catalog.AddLeistungAsync();

        var error = await Assert.ThrowsAsync<InvalidFieldException>(
            () => leistung.SetZustaendigkeitAsync(WriteCommands.New(), ByLand("NW", efa: true, nachnutzer: ["HE", "NW"])));

        Assert.Equal("zustaendigkeit.nachnutzer_laender", error.Field);
        Assert.Null((await leistung.GetAsync()).Zustaendigkeit);
    }

    [Fact]
    public async Task An_unknown_umsetzendes_land_is_refused()
    {
        var leistung = await _catalog.AddLeistungAsync();

        var error = await Assert.ThrowsAsync<InvalidFieldException>(
            () => leistung.SetZustaendigkeitAsync(WriteCommands.New(), ByLand("XX")));

        Assert.Equal("zustaendigkeit.land", error.Field);
    }

    [Fact]
    public async Task An_unknown_nachnutzer_land_is_refused()
    {
        var leistung = await _catalog.AddLeistungAsync();

        var error = await Assert.ThrowsAsync<InvalidFieldException>(
            () => leistung.SetZustaendigkeitAsync(WriteCommands.New(), ByLand("NW", efa: true, nachnutzer: ["HE", "Hessen"])));

        Assert.Equal("zustaendigkeit.nachnutzer_laender", error.Field);
    }

    [Fact]
    public async Task A_bundesressort_without_a_name_is_refused()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var zustaendigkeit = new Zustaendigkeit(new(UmsetzendeStelleArt.Bundesressort, " "), false, string.Empty, []);

        var error = await Assert.ThrowsAsync<InvalidFieldException>(
            () => leistung.SetZustaendigkeitAsync(WriteCommands.New(), zustaendigkeit));

        Assert.Equal("zustaendigkeit.bundesressort", error.Field);
    }

    [Fact]
    public async Task A_status_change_leaves_the_zustaendigkeit_alone_and_the_other_way_round()
    {
        var leistung = await _catalog.AddLeistungAsync();
        var zustaendigkeit = ByLand("BW", efa: true, nachnutzer: ["RP"]);
        await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.OnlineLeistung, Umsetzungsphase.Umsetzung, null));
        await leistung.SetZustaendigkeitAsync(WriteCommands.New(), zustaendigkeit);

        await leistung.UpdateStatusAsync(WriteCommands.New(), new(null, null, new("BW", Verfuegbarkeit.Pilot)));

        var details = await leistung.GetAsync();
        Assert.True(zustaendigkeit.SameAs(details.Zustaendigkeit));
        Assert.Equal(Reifegrad.OnlineLeistung, details.Status.Reifegrad);
        Assert.Equal(Umsetzungsphase.Umsetzung, details.Status.Phase);
    }

    // --- Catalogue import of one Leistung ---

    [Fact]
    public async Task Importing_a_changed_catalogue_entry_keeps_status_and_zustaendigkeit()
    {
        var ozgId = FreshKeys.Next();
        var themenfeldId = FreshKeys.Next();
        var entry = TestCatalog.Entry(ozgId, themenfeldId, FreshKeys.Next(), "Elterngeld");
        var leistung = _grains.GetGrain<ILeistungGrain>(ozgId);
        Assert.Equal(CatalogImportOutcome.Created, await leistung.ImportAsync(entry, TestCatalog.ImportStamp()));
        await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.OnlineLeistung, null, new("NW", Verfuegbarkeit.Pilot)));
        await leistung.SetZustaendigkeitAsync(WriteCommands.New(), ByLand("NW"));
        var before = await leistung.GetAsync();

        var renamed = entry with { Name = "Elterngeld digital" };
        var outcome = await leistung.ImportAsync(renamed, TestCatalog.ImportStamp());

        Assert.Equal(CatalogImportOutcome.Changed, outcome);
        var after = await leistung.GetAsync();
        Assert.Equal("Elterngeld digital", after.Catalog.Name);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(Reifegrad.OnlineLeistung, after.Status.Reifegrad);
        Assert.Equal(Verfuegbarkeit.Pilot, after.Status.VerfuegbarkeitIn("NW"));
        Assert.True(before.Zustaendigkeit!.SameAs(after.Zustaendigkeit));
        var change = (await leistung.GetChangesAsync(null, 1)).Changes.Single();
        Assert.Equal(ChangeKind.Katalog, change.Kind);
        Assert.Equal<FieldChange>([new FieldChange("name", "Elterngeld", "Elterngeld digital")], change.Fields);
    }

    [Fact]
    public async Task Importing_the_same_catalogue_entry_again_changes_nothing()
    {
        var entry = TestCatalog.Entry(FreshKeys.Next(), FreshKeys.Next(), FreshKeys.Next());
        var leistung = _grains.GetGrain<ILeistungGrain>(entry.OzgId);
        await leistung.ImportAsync(entry, TestCatalog.ImportStamp());

        var copy = entry with { LeikaLeistungen = [.. entry.LeikaLeistungen] };
        var outcome = await leistung.ImportAsync(copy, TestCatalog.ImportStamp());

        Assert.Equal(CatalogImportOutcome.Unchanged, outcome);
        Assert.Equal(1, (await leistung.GetAsync()).Version);
    }

    private static Zustaendigkeit ByLand(
        string land, bool efa = false, ImmutableSortedSet<string>? nachnutzer = null, string itDienstleister = "Dataport") =>
        new(new UmsetzendeStelle(UmsetzendeStelleArt.Land, land), efa, itDienstleister, nachnutzer ?? []);
}

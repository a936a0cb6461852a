using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Kommunen;

namespace OzgGrid.Grains.Tests.Kommunen;

[Collection(ClusterCollection.Name)]
public sealed class KommunenRegisterGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task An_import_replaces_the_register_and_the_same_list_again_changes_nothing()
    {
        var saarland = LaenderRegister.All.Single(l => l.Kuerzel == "SL");
        var register = _grains.GetGrain<IKommunenRegisterGrain>(saarland.Kuerzel);
        var four = SyntheticKommunen.For(saarland, 4);

        var first = await register.ImportAsync(WriteCommands.New(), four);
        var again = await register.ImportAsync(WriteCommands.New(), four);
        var renamedAndShrunk = await register.ImportAsync(WriteCommands.New(), [four[0] with { Name = "Umbenannt" }, four[1]]);

        Assert.Equal((4, first.Version), (again.Count, again.Version));
        Assert.Equal((0, 0, 0), (again.Added, again.Removed, again.Changed));
        Assert.Equal((2, 0, 2, 1, first.Version + 1), (renamedAndShrunk.Count, renamedAndShrunk.Added, renamedAndShrunk.Removed,
            renamedAndShrunk.Changed, renamedAndShrunk.Version));
        var now = await register.GetAsync();
        Assert.Equal([four[0].Ags, four[1].Ags], now.Kommunen.Keys);
        Assert.Equal("Umbenannt", now.Kommunen[four[0].Ags].Name);
    }

    [Fact]
    public async Task A_retried_import_gets_its_first_answer_and_does_not_undo_a_later_import()
    {
        var thueringen = LaenderRegister.All.Single(l => l.Kuerzel == "TH");
        var register = _grains.GetGrain<IKommunenRegisterGrain>(thueringen.Kuerzel);
        var (three, five) = (SyntheticKommunen.For(thueringen, 3), SyntheticKommunen.For(thueringen, 5));
        var command = WriteCommands.New();

        var first = await register.ImportAsync(command, three);
        var later = await register.ImportAsync(WriteCommands.New(), five);
        var retried = await register.ImportAsync(command, three);

        Assert.Equal(first, retried);
        var now = await register.GetAsync();
        Assert.Equal(later.Version, now.Version);
        Assert.Equal(5, now.Kommunen.Count);
    }

    [Fact]
    public async Task A_request_id_used_for_another_list_is_refused()
    {
        var thueringen = LaenderRegister.All.Single(l => l.Kuerzel == "TH");
        var register = _grains.GetGrain<IKommunenRegisterGrain>(thueringen.Kuerzel);
        var command = WriteCommands.New();
        await register.ImportAsync(command, SyntheticKommunen.For(thueringen, 2));
        var before = await register.GetAsync();

        await Assert.ThrowsAsync<RequestIdReusedException>(() => register.ImportAsync(command, SyntheticKommunen.For(thueringen, 4)));

        Assert.Equal(before.Version, (await register.GetAsync()).Version);
    }

    [Fact]
    public async Task An_import_tells_the_rollouts_again_by_a_stored_reminder_which_ends_after_it()
    {
        var sachsen = LaenderRegister.All.Single(l => l.Kuerzel == "SN");
        var register = _grains.GetGrain<IKommunenRegisterGrain>(sachsen.Kuerzel);
        var reminders = fixture.GetSiloService<IReminderTable>();
        await register.ImportAsync(WriteCommands.New(), SyntheticKommunen.For(sachsen, 2));
        Assert.Null(await reminders.ReadRow(register.GetGrainId(), KommunenRegisterGrain.RecountReminder));
        await register.AddRolloutAsync(FreshKeys.Next());

        await register.ImportAsync(WriteCommands.New(), SyntheticKommunen.For(sachsen, 3));

        var reminder = await reminders.ReadRow(register.GetGrainId(), KommunenRegisterGrain.RecountReminder);
        Assert.NotNull(reminder);
        Assert.InRange(reminder.StartAt, DateTime.UtcNow, DateTime.UtcNow.AddMinutes(2));
        await register.AsReference<IRemindable>().ReceiveReminder(KommunenRegisterGrain.RecountReminder, new TickStatus());
        Assert.Null(await reminders.ReadRow(register.GetGrainId(), KommunenRegisterGrain.RecountReminder));
    }

    [Fact]
    public async Task A_register_refuses_an_AGS_of_another_Land_a_malformed_one_and_a_duplicate()
    {
        var register = _grains.GetGrain<IKommunenRegisterGrain>("SL");
        var before = await register.GetAsync();

        var foreign = await Assert.ThrowsAsync<InvalidFieldException>(() => register.ImportAsync(WriteCommands.New(), [new("05000001", "Aachen", KommuneSource.Imported)]));
        var malformed = await Assert.ThrowsAsync<InvalidFieldException>(() => register.ImportAsync(WriteCommands.New(), [new("1004", "Kurz", KommuneSource.Imported)]));
        var twice = await Assert.ThrowsAsync<InvalidFieldException>(() => register.ImportAsync(WriteCommands.New(),
            [new("10041100", "Saarbrücken", KommuneSource.Imported), new("10041100", "Nochmal", KommuneSource.Imported)]));

        Assert.Contains("starts with 10", foreign.Message);
        Assert.Equal("kommunen[0].ags", malformed.Field);
        Assert.Equal("kommunen[1].ags", twice.Field);
        Assert.Equal(before.Version, (await register.GetAsync()).Version);
    }
}

using System.Collections.Immutable;
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
        var four = ShippedRegister.First("SL", 4);

        var first = await register.ImportAsync(WriteCommands.New(), Gebietsstand.Of(four));
        var again = await register.ImportAsync(WriteCommands.New(), Gebietsstand.Of(four));
        var renamedAndShrunk = await register.ImportAsync(WriteCommands.New(), Gebietsstand.Of([four[0] with { Name = "Umbenannt" }, four[1]]));

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
        var (three, five) = (ShippedRegister.First("TH", 3), ShippedRegister.First("TH", 5));
        var command = WriteCommands.New();

        var first = await register.ImportAsync(command, Gebietsstand.Of(three));
        var later = await register.ImportAsync(WriteCommands.New(), Gebietsstand.Of(five));
        var retried = await register.ImportAsync(command, Gebietsstand.Of(three));

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
        await register.ImportAsync(command, Gebietsstand.Of(ShippedRegister.First("TH", 2)));
        var before = await register.GetAsync();

        await Assert.ThrowsAsync<RequestIdReusedException>(() => register.ImportAsync(command, Gebietsstand.Of(ShippedRegister.First("TH", 4))));

        Assert.Equal(before.Version, (await register.GetAsync()).Version);
    }

    [Fact]
    public async Task An_import_tells_the_rollouts_again_by_a_stored_reminder_which_ends_after_it()
    {
        var sachsen = LaenderRegister.All.Single(l => l.Kuerzel == "SN");
        var register = _grains.GetGrain<IKommunenRegisterGrain>(sachsen.Kuerzel);
        var reminders = fixture.GetSiloService<IReminderTable>();
        await register.ImportAsync(WriteCommands.New(), Gebietsstand.Of(ShippedRegister.First("SN", 2)));
        Assert.Null(await reminders.ReadRow(register.GetGrainId(), KommunenRegisterGrain.RecountReminder));
        await register.AddRolloutAsync(FreshKeys.Next());

        await register.ImportAsync(WriteCommands.New(), Gebietsstand.Of(ShippedRegister.First("SN", 3)));

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

        var foreign = await Assert.ThrowsAsync<InvalidFieldException>(() => register.ImportAsync(WriteCommands.New(), Gebietsstand.Of([new("05334002", "Aachen, Stadt", KommuneSource.Imported)])));
        var malformed = await Assert.ThrowsAsync<InvalidFieldException>(() => register.ImportAsync(WriteCommands.New(), Gebietsstand.Of([new("1004", "Kurz", KommuneSource.Imported)])));
        var twice = await Assert.ThrowsAsync<InvalidFieldException>(() => register.ImportAsync(WriteCommands.New(),
            Gebietsstand.Of([new("10041100", "Saarbrücken", KommuneSource.Imported), new("10041100", "Nochmal", KommuneSource.Imported)])));

        Assert.Contains("starts with 10", foreign.Message);
        Assert.Equal("kommunen[0].ags", malformed.Field);
        Assert.Equal("kommunen[1].ags", twice.Field);
        Assert.Equal(before.Version, (await register.GetAsync()).Version);
    }

    [Fact]
    public async Task A_merger_retires_the_Kommune_with_its_successor_and_a_later_merger_of_the_successor_carries_it_on()
    {
        var register = _grains.GetGrain<IKommunenRegisterGrain>("BB");
        var (a, b, c) = (ShippedRegister.First("BB", 3)[0], ShippedRegister.First("BB", 3)[1], ShippedRegister.First("BB", 3)[2]);
        await register.ImportAsync(WriteCommands.New(), Gebietsstand.Of([a, b, c]));
        var before = await register.GetAsync();

        var first = await register.ImportAsync(WriteCommands.New(), new Gebietsstand([b, c], Merger(a.Ags, b.Ags), "Quelle 1"));
        var again = await register.ImportAsync(WriteCommands.New(), new Gebietsstand([b, c], Merger(a.Ags, b.Ags), string.Empty));
        var second = await register.ImportAsync(WriteCommands.New(), new Gebietsstand([c], Merger(b.Ags, c.Ags), string.Empty));

        Assert.Equal((2, 1, 1, before.Version + 1), (first.Count, first.Removed, first.Merged, first.Version));
        Assert.Equal((first.Version, 0), (again.Version, again.Merged));
        Assert.Equal(1, second.Merged);
        var now = await register.GetAsync();
        Assert.Equal([c.Ags], now.Kommunen.Keys);
        Assert.Equal(new RetiredKommune(a, b.Ags, first.Version), now.Retired[a.Ags]);
        Assert.Equal(new RetiredKommune(b, c.Ags, second.Version), now.Retired[b.Ags]);
        Assert.Equal([new(a.Ags, c.Ags), new KeyValuePair<string, string>(b.Ags, c.Ags)], now.Successors());
        Assert.Equal("Quelle 1", now.Attribution);

        // Listed again in a later Gebietsstand, it is current again and no longer retired.
        await register.ImportAsync(WriteCommands.New(), Gebietsstand.Of([a, c]));
        now = await register.GetAsync();
        Assert.Equal([b.Ags], now.Retired.Keys);
        Assert.Equal(a.Ags, now.SuccessorOf(a.Ags));
    }

    [Fact]
    public async Task A_merger_into_a_Kommune_the_new_register_does_not_list_or_of_an_unknown_Kommune_is_refused()
    {
        var register = _grains.GetGrain<IKommunenRegisterGrain>("MV");
        var three = ShippedRegister.First("MV", 3);
        await register.ImportAsync(WriteCommands.New(), Gebietsstand.Of(three));
        var before = await register.GetAsync();

        var intoUnlisted = await Assert.ThrowsAsync<InvalidFieldException>(() =>
            register.ImportAsync(WriteCommands.New(), new Gebietsstand([three[1]], Merger(three[0].Ags, three[2].Ags), string.Empty)));
        var unknown = await Assert.ThrowsAsync<InvalidFieldException>(() =>
            register.ImportAsync(WriteCommands.New(), new Gebietsstand(three, Merger("13999999", three[0].Ags), string.Empty)));
        var wrongArs = await Assert.ThrowsAsync<InvalidFieldException>(() =>
            register.ImportAsync(WriteCommands.New(), Gebietsstand.Of([three[0] with { Ars = "059990000001" }])));

        Assert.Equal($"merged_into[{three[0].Ags}]", intoUnlisted.Field);
        Assert.Contains("not in the new register", intoUnlisted.Message);
        Assert.Equal("merged_into[13999999]", unknown.Field);
        Assert.Equal("kommunen[0].ars", wrongArs.Field);
        Assert.Equal(before.Version, (await register.GetAsync()).Version);
    }

    private static ImmutableSortedDictionary<string, string> Merger(string retired, string successor) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create(retired, successor)]);
}

using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Rollout;
using OzgGrid.Grains.Tests.Kommunen;

namespace OzgGrid.Grains.Tests.Storage;

/// <summary>A Land's derived Verfügbarkeit reaches its Leistung after a storage outage that also kept reminders from being registered.</summary>
public sealed class PublishRetryTests(OutageClusterFixture fixture) : IClassFixture<OutageClusterFixture>
{
    private readonly TestCatalog _catalog = new(fixture.Grains);

    [Fact]
    public async Task A_publication_whose_own_write_failed_while_reminders_were_down_is_retried_after_the_grain_deactivated()
    {
        const string land = "RP";
        var leistung = await _catalog.AddLeistungAsync();
        await leistung.UpdateStatusAsync(WriteCommands.New(), new(Reifegrad.OnlineLeistung, null, null));
        var zwei = ShippedRegister.ByLand[land].Take(2).ToArray();
        await fixture.Grains.GetGrain<IKommunenRegisterGrain>(land).ImportAsync(WriteCommands.New(), Gebietsstand.Of([.. zwei]));
        var rollout = fixture.Grains.GetGrain<ILandRolloutGrain>(RolloutKeys.Land((int)leistung.GetPrimaryKeyLong(), land));
        await rollout.ReportAsync(WriteCommands.New(), [new RolloutReport(zwei[0].Ags, KommuneVerfuegbarkeit.Online, Reifegrad.OnlineLeistung)]);
        Assert.Equal(Verfuegbarkeit.InMindestensEinerKommune, (await leistung.GetAsync()).Status.VerfuegbarkeitIn(land));

        try
        {
            // Storage fails the write that says FLAECHENDECKEND is being published (the grain deactivates, its retry timer
            // with it) and the reminder that would bring it back cannot be registered either.
            fixture.Reminders.Down = true;
            fixture.OutageOf(StorageNames.State).FailNextWriteOf<LandRolloutState>(rollout.GetGrainId(), state => state.Publishing == Verfuegbarkeit.Flaechendeckend);
            await rollout.ReportAsync(WriteCommands.New(), [new RolloutReport(zwei[1].Ags, KommuneVerfuegbarkeit.Online, Reifegrad.OnlineLeistung)]);
            Assert.Equal(Verfuegbarkeit.InMindestensEinerKommune, (await leistung.GetAsync()).Status.VerfuegbarkeitIn(land));

            // Only the Leistung is read meanwhile: nothing else calls the rollout grain back.
            await Poll.UntilAsync(leistung.GetAsync, d => d.Status.VerfuegbarkeitIn(land) == Verfuegbarkeit.Flaechendeckend,
                $"the Leistung to show the derived FLAECHENDECKEND in {land}", TimeSpan.FromSeconds(30));
        }
        finally
        {
            fixture.Reminders.Down = false;
        }

        var counted = await rollout.GetAsync(null, 10);
        Assert.Equal((Verfuegbarkeit.Flaechendeckend, Verfuegbarkeit.Flaechendeckend), (counted.Derived, counted.Published));
    }
}

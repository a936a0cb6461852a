using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Abstractions.Anschluss;
using OzgGrid.Grains.Abstractions.Dienstleister;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Leistungen;
using OzgGrid.Grains.Abstractions.Onlinedienste;
using OzgGrid.Grains.Abstractions.Reifegradmodelle;
using OzgGrid.Grains.Abstractions.Rollout;
using OzgGrid.Grains.Anschluss;
using OzgGrid.Grains.Catalog;
using OzgGrid.Grains.Rollout;
using OzgGrid.Grains.Tests.Kommunen;

namespace OzgGrid.Grains.Tests.Storage;

/// <summary>
/// A confirmed Go-Live reaches the Land rollout after a storage outage that made the Anschluss record deactivate (its
/// bookkeeping write failed) while no reminder could be registered either.
/// </summary>
public sealed class GoLiveReportRetryTests(OutageClusterFixture fixture) : IClassFixture<OutageClusterFixture>
{
    private const string Land = "SL";

    [Fact]
    public async Task A_Go_Live_left_open_when_the_record_deactivated_while_reminders_were_down_is_reported_by_the_silos_retry()
    {
        var (ozgId, dienst) = await OnlinedienstInUseAsync();
        var kommunen = ShippedRegister.ByLand[Land].Take(2).ToArray();
        await fixture.Grains.GetGrain<IKommunenRegisterGrain>(Land).ImportAsync(WriteCommands.New(), Gebietsstand.Of([.. kommunen]));
        var (frueh, spaet) = (kommunen[0].Ags, kommunen[1].Ags);
        var rollout = fixture.Grains.GetGrain<ILandRolloutGrain>(RolloutKeys.Land(ozgId, Land));
        var anschluss = fixture.Grains.GetGrain<IAnschlussGrain>(AnschlussKeys.Of(dienst, Land));

        try
        {
            // Two Go-Live dates, two reports: the first goes through, the second's rollout write fails, and so does the
            // record's note of the first (the grain deactivates, its timer with it); no reminder can be registered.
            fixture.Reminders.Down = true;
            var state = fixture.OutageOf(StorageNames.State);
            state.FailNextWriteOf<RolloutPartition>(rollout.GetGrainId(), partition => partition.Ags.Contains(int.Parse(spaet)));
            state.FailNextWriteOf<AnschlussMeldungenState>(anschluss.GetGrainId(), _ => true);
            await anschluss.SetAsync(WriteCommands.New(), [.. Online(frueh, new DateOnly(2026, 11, 2)), .. Online(spaet, new DateOnly(2026, 11, 3))]);
            await Poll.UntilAsync(() => EntryAsync(rollout, frueh), entry => entry?.Verfuegbarkeit == KommuneVerfuegbarkeit.Online,
                $"the first Go-Live ({frueh}) in the rollout", TimeSpan.FromSeconds(30));

            // Only the rollout is read meanwhile: nothing else calls the Anschluss record back.
            var entry = await Poll.UntilAsync(() => EntryAsync(rollout, spaet), entry => entry?.Verfuegbarkeit == KommuneVerfuegbarkeit.Online,
                $"the second Go-Live ({spaet}) in the rollout", TimeSpan.FromSeconds(30));
            Assert.Equal(AnschlussGrain.ReportedBy, entry!.LastChange?.ChangedBy);
        }
        finally
        {
            fixture.Reminders.Down = false;
        }
    }

    private static AnschlussAenderung[] Online(string ags, DateOnly goLive) =>
        [new(ags, AnschlussSchritt.GoLiveErfolgt, goLive.ToString("yyyy-MM-dd")), new(ags, AnschlussSchritt.BestaetigtDurchKommune, "Bürgeramt")];

    private static async Task<RolloutEntry?> EntryAsync(ILandRolloutGrain rollout, string ags) =>
        (await rollout.GetAsync(null, 100)).Entries.FirstOrDefault(entry => entry.Ags == ags);

    /// <summary>A catalogue Leistung with a LeiKa key, an Onlinedienst rated for it and in use in the whole Land.</summary>
    private async Task<(int OzgId, string Onlinedienst)> OnlinedienstInUseAsync()
    {
        var entry = CatalogCsvReader.ReadDirectory(new CatalogOptions().ResolveDirectory()).Leistungen
            .Last(leistung => leistung.LeikaLeistungen.Any(leika => leika.Key.Length == 14));
        await fixture.Grains.GetGrain<ILeistungGrain>(entry.OzgId).ImportAsync(entry, TestCatalog.ImportStamp());

        var anbieter = $"anbieter-{Guid.NewGuid():N}";
        await fixture.Grains.GetGrain<IItDienstleisterGrain>(anbieter).RegisterAsync(WriteCommands.New(), new ItDienstleisterRegistration("Anbieter", [Land], "kontakt@example.org"));
        var id = $"dienst-{Guid.NewGuid():N}";
        var dienst = fixture.Grains.GetGrain<IOnlinedienstGrain>(id);
        await dienst.RegisterAsync(WriteCommands.New(), "Testdienst", "https://dienst.example.org", anbieter);
        var bewertung = Enumerable.Range(1, 10).ToImmutableSortedDictionary(k => $"K{k:00}", _ => 3);
        await dienst.RateAsync(WriteCommands.New(), entry.LeikaLeistungen.First(leika => leika.Key.Length == 14).Key, ReifegradModellVersion.Modell11, bewertung);
        await dienst.SetEinsatzgebietAsync(WriteCommands.New(), [new EinsatzImLand(Land, [])]);
        await dienst.PublishAsync(WriteCommands.New(), veroeffentlicht: true);
        return (entry.OzgId, id);
    }
}

using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OzgGrid.Grains.Abstractions;
using OzgGrid.Grains.Anschluss;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;
using OzgGrid.Grains.Kommunen;
using OzgGrid.Grains.Monitoring;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Grains.Records;
using OzgGrid.Protos.V1;
using AnschlussEintrag = OzgGrid.Grains.Abstractions.Anschluss.AnschlussEintrag;
using AnschlussKeys = OzgGrid.Grains.Abstractions.Anschluss.AnschlussKeys;
using AnschlussState = OzgGrid.Grains.Records.RecordState<OzgGrid.Grains.Abstractions.Anschluss.LandAnschluss, OzgGrid.Grains.Abstractions.ProgrammeManagement.ProgrammeChange>;
using Domain = OzgGrid.Grains.Abstractions.Anschluss;
using KommunenState = OzgGrid.Grains.Records.RecordState<OzgGrid.Grains.Kommunen.KommunenBody, OzgGrid.Grains.Abstractions.ProgrammeManagement.ProgrammeChange>;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>
/// Leaves a derived value wrong the way a lost one-way message or a faulty stored state would, through the real
/// gateway for everything before the damage and through the storage itself for the damage.
/// </summary>
public sealed class DerivedValueDamage(TestHost host)
{
    private readonly LeistungService.LeistungServiceClient _leistungen = new(host.Channel);
    private readonly RolloutService.RolloutServiceClient _rollout = new(host.Channel);
    private readonly ProgrammeManagementService.ProgrammeManagementServiceClient _management = new(host.Channel);

    private IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>
    /// The Land's register cut to its first two Gemeinden, the Leistung online in both (flächendeckend), then a third Kommune
    /// in the register whose import never told the rollout (as when the silo stops before its one-way message leaves).
    /// </summary>
    public async Task LoseKommunenImportMessageAsync(int ozgId, string land)
    {
        var shipped = ShippedRegister.Of(land);
        await _rollout.ImportKommunenAsync(new ImportKommunenRequest
        {
            RequestId = NewId(), Land = land,
            Kommunen = { shipped[..2].Select(k => new Protos.V1.Kommune { Ags = k.Ags, Name = k.Name, KreisName = k.KreisName, Ars = k.Ars, Einwohner = k.Einwohner }) },
        });
        await _leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = NewId(), Reifegrad = 3 });
        await _rollout.ReportRolloutsAsync(new ReportRolloutsRequest
        {
            RequestId = NewId(),
            Entries =
            {
                shipped[..2].Select(k => new RolloutReport
                {
                    OzgId = ozgId, Ags = k.Ags, Verfuegbarkeit = KommuneVerfuegbarkeit.Online, Reifegrad = 3,
                }),
            },
        });
        Assert.Equal(Verfuegbarkeit.Flaechendeckend, await VerfuegbarkeitAsync(ozgId, land));

        var three = shipped[..3].ToImmutableSortedDictionary(k => k.Ags, k => k);
        await StoredState.RewriteAsync<KommunenState>(
            host, StorageNames.State, KommunenRegisterGrain.Names.State, Grains.GetGrain<IKommunenRegisterGrain>(land),
            stored => stored with { Body = stored.Body! with { Kommunen = three } });
    }

    /// <summary>The Leistung's EfA-Nachnutzung recorded (Umsetzungsland HE), then its report lost from the figures grain's state.</summary>
    public async Task LoseNachnutzungReportAsync(int ozgId)
    {
        await _management.SetUmsetzungslandAsync(new SetUmsetzungslandRequest { OzgId = ozgId, RequestId = NewId(), Land = "HE" });
        Assert.True(await IsEfaCountedAsync(ozgId));

        await StoredState.RewriteAsync<ProgrammeFiguresState>(
            host, StorageNames.Aggregates, "programme-management-figures", Grains.GetGrain<IProgrammeFiguresGrain>(IProgrammeFiguresGrain.Key),
            stored => stored with { Nachnutzung = stored.Nachnutzung.Remove(ozgId) });
    }

    /// <summary>The aggregator's stored count of the Leistung changed to another Reifegrad at the same version.</summary>
    /// <returns>The Reifegrad it is counted with now.</returns>
    public async Task<int> CountOtherwiseAsync(int ozgId)
    {
        // A change, so that the aggregator counts the Leistung (its recount, which counts every one, is off on this host)
        // and has stored it once its persist timer ran.
        var written = await _leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = NewId(), Reifegrad = 2 });
        var aggregator = Grains.GetGrain<IProgrammeAggregatorGrain>(IProgrammeAggregatorGrain.Key);
        await Eventually.ReturnsAsync(
            async () =>
            {
                var stored = new GrainState<ProgrammeAggregatorState>();
                await host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Aggregates)
                    .ReadStateAsync("programme", aggregator.GetGrainId(), stored);
                return stored.State?.Counted.GetValueOrDefault(ozgId)?.Version;
            },
            version => version == written.Version, $"the aggregator to store OZG-Leistung {ozgId} at version {written.Version}");
        const int wrong = 4;
        await StoredState.RewriteAsync<ProgrammeAggregatorState>(
            host, StorageNames.Aggregates, "programme", Grains.GetGrain<IProgrammeAggregatorGrain>(IProgrammeAggregatorGrain.Key),
            stored =>
            {
                var counted = stored.Counted.GetValueOrDefault(ozgId) ?? throw new InvalidOperationException($"The aggregator has not stored {ozgId} yet.");
                return stored with { Counted = stored.Counted.SetItem(ozgId, counted with { Status = counted.Status with { Reifegrad = wrong } }) };
            });
        return wrong;
    }

    /// <summary>
    /// The Kommune's checklist done up to the Go-Live over gRPC, then its confirmation recorded in the stored state only:
    /// what a silo that stopped right after the commit leaves when no reminder could be registered (storage failing).
    /// </summary>
    /// <returns>The Go-Live date recorded.</returns>
    public async Task<DateOnly> LoseGoLiveReportAsync(string onlinedienstId, string land, string ags, DateOnly today)
    {
        await new AnschlussService.AnschlussServiceClient(host.Channel).SetAnschlussAsync(new SetAnschlussRequest
        {
            OnlinedienstId = onlinedienstId, RequestId = NewId(), Aenderungen = { AnschlussChecklist.Bis(ags, today, AnschlussSchritt.GoLiveErfolgt) },
        });
        var goLive = today.AddDays(-1);
        await StoredState.RewriteAsync<AnschlussState>(
            host, StorageNames.State, AnschlussGrain.Names.State, Grains.GetGrain<Domain.IAnschlussGrain>(AnschlussKeys.Of(onlinedienstId, land)),
            stored =>
            {
                var kommune = stored.Body!.Kommunen[ags];
                var bestaetigt = new AnschlussEintrag("Bürgeramt", "test", DateTimeOffset.UtcNow);
                var online = kommune with { Punkte = kommune.Punkte.SetItem(Domain.AnschlussSchritt.BestaetigtDurchKommune, bestaetigt) };
                return stored with { Body = stored.Body with { Kommunen = stored.Body.Kommunen.SetItem(ags, online) } };
            });
        return goLive;
    }

    public async Task<Verfuegbarkeit> VerfuegbarkeitAsync(int ozgId, string land) =>
        (await _leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.Status.Verfuegbarkeit.GetValueOrDefault(land);

    /// <summary>Whether the figures grain counts the Leistung's EfA-Nachnutzung (its report lists it).</summary>
    public async Task<bool> IsEfaCountedAsync(int ozgId) =>
        (await _management.GetNachnutzungReportAsync(new GetNachnutzungReportRequest())).Leistungen.Any(l => l.OzgId == ozgId);

    private static string NewId() => Guid.NewGuid().ToString();
}

using System.Globalization;
using OzgGrid.Demo.Simulation;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Demo;

/// <summary>
/// The simulator of `./ozg demo` against a real host of its own (its figures must start at zero): a year of simulated
/// months, run fast, moves the programme through the public API, every write accepted and marked synthetic.
/// </summary>
public sealed class DemoSimulatorTests : OwnHostTest
{
    private const int Months = 12;

    [Fact]
    public async Task A_simulated_year_moves_the_programme_with_every_write_accepted_and_marked_synthetic()
    {
        var monitoring = new MonitoringService.MonitoringServiceClient(Host.Channel);
        var before = (await monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest())).Figures;
        Assert.Equal(0, before.Online);

        using var connection = new DemoConnection(Host.GatewayAddress, (role, subject, itDienstleister) => Host.TokenFor(role, subject, itDienstleister));
        using var log = new StringWriter(CultureInfo.InvariantCulture);
        var simulator = new ProgrammeSimulator(connection, seed: 7, log);
        await simulator.RunAsync(TimeSpan.FromSeconds(0.2), Months, CancellationToken.None);

        Assert.Equal(Months, simulator.Month);
        Assert.True(simulator.Calls.Refusals.Count == 0, $"refused writes:\n{string.Join('\n', simulator.Calls.Refusals)}");
        Assert.True(simulator.Calls.Accepted > 100, $"only {simulator.Calls.Accepted} writes");

        // The figures follow one way: some Leistungen online (Reifegrad ≥ 2, in at least one Kommune), some OZG-konform.
        await Eventually.ReturnsAsync(
            async () => (await monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest())).Figures,
            figures => figures.Online > 0 && figures.OzgKonform > 0,
            "Leistungen online and OZG-konform");

        var online = simulator.Leistungen.SelectMany(l => l.Kommunen.Where(k => k.Online).Select(k => (Leistung: l, Kommune: k))).ToList();
        Assert.NotEmpty(online);
        var anschluss = new AnschlussService.AnschlussServiceClient(Host.Channel);
        foreach (var (leistung, kommune) in online)
        {
            var checklist = await anschluss.GetAnschlussAsync(new GetAnschlussRequest { OnlinedienstId = leistung.OnlinedienstId, Ags = kommune.Ags });
            Assert.True(checklist.Kommune.Online, $"{leistung.OnlinedienstId} in {kommune.Ags}");
        }

        var (first, _) = online[0];
        var today = DateTime.UtcNow;
        var nutzung = await new NutzungService.NutzungServiceClient(Host.Channel).GetNutzungAsync(new GetNutzungRequest
        {
            Land = first.Anbieter.AnschlussLand, OnlinedienstId = first.OnlinedienstId,
            From = today.AddMonths(-30).ToString("yyyy-MM", CultureInfo.InvariantCulture), To = today.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        });
        Assert.True(nutzung.Transaktionen > 0);

        await AssertMarkedSyntheticAsync(simulator);
    }

    /// <summary>Every name and description it made carries the marker; every change its callers made, a "demo-" request id.</summary>
    private async Task AssertMarkedSyntheticAsync(ProgrammeSimulator simulator)
    {
        var registry = new ItDienstleisterService.ItDienstleisterServiceClient(Host.Channel);
        foreach (var anbieter in DemoCast.Anbieter)
        {
            var registered = (await registry.GetItDienstleisterAsync(new GetItDienstleisterRequest { Id = anbieter.Id })).ItDienstleister;
            Assert.Contains(DemoCast.Marker, registered.Name, StringComparison.Ordinal);
            Assert.StartsWith(DemoCast.RequestIdPrefix, registered.LastChange.RequestId, StringComparison.Ordinal);
        }

        var programm = new ProgrammeManagementService.ProgrammeManagementServiceClient(Host.Channel);
        var labor = (await programm.GetLaborAsync(new GetLaborRequest { LaborId = simulator.LaborId })).Labor;
        Assert.Contains(DemoCast.Marker, labor.Name, StringComparison.Ordinal);
        Assert.NotEmpty(labor.Blaupausen);
        Assert.All(labor.Blaupausen, b => Assert.Contains(DemoCast.Marker, b.Beschreibung, StringComparison.Ordinal));
        var beschluss = (await programm.GetBeschlussAsync(new GetBeschlussRequest { Nummer = simulator.BeschlussNummer })).Beschluss;
        Assert.Contains(DemoCast.Marker, beschluss.Titel, StringComparison.Ordinal);

        var dienste = new OnlinedienstService.OnlinedienstServiceClient(Host.Channel);
        var leistungen = new LeistungService.LeistungServiceClient(Host.Channel);
        var subjects = new List<ListProgrammeChangesRequest>
        {
            new() { LaborId = simulator.LaborId },
            new() { BeschlussNummer = simulator.BeschlussNummer },
        };
        foreach (var leistung in simulator.Leistungen)
        {
            var changes = (await leistungen.ListLeistungChangesAsync(new ListLeistungChangesRequest { OzgId = leistung.OzgId, PageSize = 500 })).Changes;
            AssertDemoRequestIds(changes.Select(c => (c.ChangedBy, c.RequestId)), $"Leistung {leistung.OzgId}");
            if (leistung.OnlinedienstId is { } id)
            {
                var dienst = (await dienste.GetOnlinedienstAsync(new GetOnlinedienstRequest { OnlinedienstId = id })).Onlinedienst;
                Assert.Contains(DemoCast.Marker, dienst.Name, StringComparison.Ordinal);
                subjects.Add(new() { OnlinedienstId = id });
                subjects.Add(new() { Anschluss = new AnschlussSubject { OnlinedienstId = id, Land = leistung.Anbieter.AnschlussLand } });
            }
        }

        foreach (var subject in subjects)
        {
            subject.PageSize = 500;
            var changes = (await programm.ListProgrammeChangesAsync(subject)).Changes;
            AssertDemoRequestIds(changes.Select(c => (c.ChangedBy, c.RequestId)), subject.ToString());
        }
    }

    /// <summary>
    /// The changes made by the simulator's callers (named "demo-…"), at least one, each under a "demo-" request id. What
    /// OzgGrid derives from them (a Reifegrad from ratings, a Verfügbarkeit from Go-Lives) is written as OzgGrid under ids
    /// naming what it follows from ("reifegrad/…", "rollout/…"), with the simulator's caller as "changed by".
    /// </summary>
    private static void AssertDemoRequestIds(IEnumerable<(string ChangedBy, string RequestId)> changes, string subject)
    {
        var bySimulator = changes.Where(c => c.ChangedBy.Contains("demo-", StringComparison.Ordinal) && !c.RequestId.Contains('/', StringComparison.Ordinal)).ToList();
        Assert.True(bySimulator.Count > 0, $"{subject}: no change by the simulator");
        Assert.All(bySimulator, c => Assert.StartsWith(DemoCast.RequestIdPrefix, c.RequestId, StringComparison.Ordinal));
    }
}

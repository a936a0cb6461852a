using OzgGrid.Grains.Anschluss;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// An Anschluss record's deadline check over real gRPC: the programme clock passes a planned Go-Live and
/// the record's reminder records the Kommune overdue as OzgGrid and announces it, without any write by a caller.
/// On each store, each on a host of its own: <see cref="AzuriteAnschlussFristTests"/>, <see cref="Postgres.PostgresAnschlussFristTests"/>.
/// </summary>
public abstract class AnschlussFristTests(ProgrammeClockFixture fixture)
{
    [Fact]
    public async Task The_reminder_records_a_planned_Go_Live_that_passed_as_overdue_and_announces_it()
    {
        var seed = new OnlinedienstSeed(fixture.Host.Channel);
        var (_, leikaKey) = await seed.LeistungAsync(fixture.TakeOzgId);
        var onlinedienst = await seed.InUseAsync(await seed.AnbieterAsync(), leikaKey, 3, 3, "NW");
        var ags = (await new RolloutService.RolloutServiceClient(fixture.Host.Channel).ListKommunenAsync(new ListKommunenRequest { Land = "NW" })).Kommunen[0].Ags;
        var client = new AnschlussService.AnschlussServiceClient(fixture.Host.Channel);
        var programme = new ProgrammeManagementService.ProgrammeManagementServiceClient(fixture.Host.Channel);
        using var stream = programme.WatchProgrammeManagement(new WatchProgrammeManagementRequest());
        using var deadline = new CancellationTokenSource(Eventually.DefaultTimeout);
        Assert.True(await stream.ResponseStream.MoveNext(deadline.Token));
        await client.SetAnschlussAsync(new SetAnschlussRequest
        {
            OnlinedienstId = onlinedienst, RequestId = Guid.NewGuid().ToString(),
            Aenderungen = { new AnschlussAenderung { Ags = ags, Schritt = AnschlussSchritt.GoLiveGeplant, Wert = fixture.Today.AddDays(1).ToString("yyyy-MM-dd") } },
        });

        fixture.ProgrammeTime.Advance(TimeSpan.FromDays(3));

        var subject = new ListProgrammeChangesRequest { Anschluss = new AnschlussSubject { OnlinedienstId = onlinedienst, Land = "NW" } };
        var history = await Eventually.ReturnsAsync(() => programme.ListProgrammeChangesAsync(subject).ResponseAsync, h => h.Changes.Count == 2,
            "the deadline check recorded once the planned Go-Live passed");
        Assert.Equal(("fristpruefung", AnschlussGrain.CheckedBy), (history.Changes[0].Action, history.Changes[0].ChangedBy));
        Assert.Contains(history.Changes[0].Fields, f => f.Field == "ueberfaellig" && f.After == ags);
        while (true)
        {
            Assert.True(await stream.ResponseStream.MoveNext(deadline.Token), "the stream ended before the overdue Kommune was announced");
            if (stream.ResponseStream.Current.ProgrammeEvent is { } announced && announced.Anschluss == $"{onlinedienst}/NW"
                && announced.Kind == ProgrammeEventKind.AnschlussUeberfaellig)
            {
                Assert.Contains(ags, announced.Description);
                break;
            }
        }
    }
}

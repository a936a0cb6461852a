using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// Usage findings over real gRPC: both kinds appear and disappear as imports and rollout reports
/// change the evidence (the rollout is seen at the next check, every second here), listed and on the watch stream; a
/// Kommune merged into another is judged as its successor.
/// On each store: <see cref="AzuriteNutzungsBefundeTests"/>, <see cref="Postgres.PostgresNutzungsBefundeTests"/>.
/// </summary>
public abstract class NutzungsBefundeTests(NutzungFixture fixture)
{
    private readonly NutzungService.NutzungServiceClient _nutzung = fixture.Management;

    [Fact]
    public async Task Transactions_where_nothing_is_online_are_found_and_resolved_once_the_kommune_goes_online()
    {
        var (ozgId, dienst) = await RatedOnlinedienstAsync();
        var ags = fixture.KommunenNw[10];
        using var watch = new ProgrammeManagementService.ProgrammeManagementServiceClient(fixture.Host.ChannelFor(Roles.Monitoring, "befunde-watcher"))
            .WatchProgrammeManagement(new WatchProgrammeManagementRequest());
        using var deadline = new CancellationTokenSource(Eventually.DefaultTimeout * 2);
        Assert.True(await watch.ResponseStream.MoveNext(deadline.Token));

        await _nutzung.ImportNutzungBatchAsync(new ImportNutzungRequest { RequestId = NewId(), Rows = { NutzungServiceTests.Row(dienst, ags, fixture.Monat(1), 40) } });

        var found = await BefundAsync(dienst, ags, NutzungsBefundArt.NutzungOhneAngebot);
        Assert.Equal([ozgId], found.OzgIds);
        Assert.Equal(40, found.Transaktionen);
        Assert.Contains(ags, (await NextEventAsync(watch, ProgrammeEventKind.NutzungsBefundErkannt, dienst, deadline.Token)).Description);

        await ReportOnlineAsync(ozgId, ags);

        await NoBefundAsync(dienst, ags, NutzungsBefundArt.NutzungOhneAngebot);
        Assert.Contains(ags, (await NextEventAsync(watch, ProgrammeEventKind.NutzungsBefundBehoben, dienst, deadline.Token)).Description);
        var all = await new NutzungService.NutzungServiceClient(fixture.Host.ChannelFor(Roles.Monitoring, "befunde-reader"))
            .ListNutzungsBefundeAsync(new ListNutzungsBefundeRequest());
        Assert.DoesNotContain(all.Befunde, b => b.OnlinedienstId == dienst && b.Ags == ags);
    }

    [Fact]
    public async Task A_kommune_online_for_three_full_months_without_transactions_is_found_until_its_transactions_are_imported()
    {
        var (ozgId, dienst) = await RatedOnlinedienstAsync();
        var online = fixture.KommunenNw[20];
        var other = fixture.KommunenNw[21];
        await ReportOnlineAsync(ozgId, online);
        await _nutzung.ImportNutzungBatchAsync(new ImportNutzungRequest { RequestId = NewId(), Rows = { NutzungServiceTests.Row(dienst, other, fixture.Monat(1), 5) } });

        // The check after the import has run (it found the other Kommune's transactions), but three months have not passed.
        await BefundAsync(dienst, other, NutzungsBefundArt.NutzungOhneAngebot);
        Assert.DoesNotContain(await BefundeAsync(), b => b.OnlinedienstId == dienst && b.Ags == online);

        fixture.ProgrammeTime.Advance(TimeSpan.FromDays(140));

        var idle = await BefundAsync(dienst, online, NutzungsBefundArt.OnlineOhneNutzung);
        Assert.Equal([ozgId], idle.OzgIds);
        Assert.Equal(0, idle.Transaktionen);
        await NoBefundAsync(dienst, other, NutzungsBefundArt.NutzungOhneAngebot);

        await _nutzung.ImportNutzungBatchAsync(new ImportNutzungRequest { RequestId = NewId(), Rows = { NutzungServiceTests.Row(dienst, online, fixture.Monat(2), 12) } });

        await NoBefundAsync(dienst, online, NutzungsBefundArt.OnlineOhneNutzung);
    }

    [Fact]
    public async Task Figures_of_a_merged_kommune_count_for_its_successor_per_kreis_and_the_findings_judge_the_successor()
    {
        var merger = new KommunenMerger(fixture.Host.Channel, "NW");
        var register = await merger.RegisterAsync();
        var successor = register[^1];
        var merged = register.LastOrDefault(k => k.KreisAgs != successor.KreisAgs) ?? register[^2];
        var (ozgId, dienst) = await RatedOnlinedienstAsync();
        var monat = fixture.Monat(1);
        await ReportOnlineAsync(ozgId, successor.Ags);
        await _nutzung.ImportNutzungBatchAsync(new ImportNutzungRequest
        {
            RequestId = NewId(), Rows = { NutzungServiceTests.Row(dienst, merged.Ags, monat, 40), NutzungServiceTests.Row(dienst, successor.Ags, monat, 10) },
        });
        await BefundAsync(dienst, merged.Ags, NutzungsBefundArt.NutzungOhneAngebot);

        await merger.MergeAsync(register, merged.Ags, successor.Ags);
        try
        {
            var figures = await _nutzung.GetNutzungAsync(new GetNutzungRequest { Land = "NW", Kreis = successor.KreisAgs, OnlinedienstId = dienst, From = monat, To = monat });
            Assert.Equal((50L, 1, 50L), (figures.Transaktionen, figures.Monate.Single().Kommunen, figures.PerKreis[successor.KreisAgs]));

            // The successor has it online and, with the merged Kommune's figures, transactions: nothing to find.
            var befunde = await NoBefundAsync(dienst, merged.Ags, NutzungsBefundArt.NutzungOhneAngebot);
            Assert.DoesNotContain(befunde, b => b.OnlinedienstId == dienst);

            var late = await Assert.ThrowsAsync<RpcException>(() => _nutzung.ImportNutzungBatchAsync(new ImportNutzungRequest
            {
                RequestId = NewId(), Rows = { NutzungServiceTests.Row(dienst, merged.Ags, monat, 41) },
            }).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, late.StatusCode);
            Assert.Contains($"merged into {successor.Ags}", late.Status.Detail);
        }
        finally
        {
            await merger.RestoreAsync(register);
        }
    }

    private async Task<(int OzgId, string Dienst)> RatedOnlinedienstAsync()
    {
        var seed = new OnlinedienstSeed(fixture.Host.Channel);
        var (ozgId, leikaKey) = await seed.LeistungAsync(fixture.TakeOzgId);
        var dienst = await seed.RegisterAsync(await seed.AnbieterAsync());
        await seed.RateAsync(dienst, leikaKey, ReifegradModell.V11, 2, 10);
        // A Kommune can have it online only once the Leistung is online at all (Reifegrad 2 or more).
        await new LeistungService.LeistungServiceClient(fixture.Host.Channel).UpdateLeistungStatusAsync(
            new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = NewId(), Reifegrad = 3 });
        return (ozgId, dienst);
    }

    private Task<ReportRolloutResponse> ReportOnlineAsync(int ozgId, string ags) =>
        new RolloutService.RolloutServiceClient(fixture.Host.Channel).ReportRolloutAsync(new ReportRolloutRequest
        {
            RequestId = NewId(), Report = new RolloutReport { OzgId = ozgId, Ags = ags, Verfuegbarkeit = KommuneVerfuegbarkeit.Online, Reifegrad = 3 },
        }).ResponseAsync;

    private async Task<List<NutzungsBefund>> BefundeAsync() =>
        [.. (await _nutzung.ListNutzungsBefundeAsync(new ListNutzungsBefundeRequest { Land = "NW", PageSize = 500 })).Befunde];

    private async Task<NutzungsBefund> BefundAsync(string dienst, string ags, NutzungsBefundArt art) =>
        (await Eventually.ReturnsAsync(BefundeAsync, list => list.Any(b => b.OnlinedienstId == dienst && b.Ags == ags && b.Art == art), $"a finding {art} of {dienst} in {ags}"))
            .Single(b => b.OnlinedienstId == dienst && b.Ags == ags && b.Art == art);

    private Task<List<NutzungsBefund>> NoBefundAsync(string dienst, string ags, NutzungsBefundArt art) =>
        Eventually.ReturnsAsync(BefundeAsync, list => !list.Any(b => b.OnlinedienstId == dienst && b.Ags == ags && b.Art == art), $"no finding {art} of {dienst} in {ags}");

    private static async Task<ProgrammeEvent> NextEventAsync(
        AsyncServerStreamingCall<WatchProgrammeManagementResponse> watch, ProgrammeEventKind kind, string dienst, CancellationToken deadline)
    {
        while (await watch.ResponseStream.MoveNext(deadline))
        {
            if (watch.ResponseStream.Current.ProgrammeEvent is { } e && e.Kind == kind && e.Description.Contains(dienst, StringComparison.Ordinal))
            {
                return e;
            }
        }

        throw new InvalidOperationException($"The stream ended before an event {kind} of {dienst}.");
    }

    private static string NewId() => Guid.NewGuid().ToString();
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using OzgGrid.Cli;
using OzgGrid.Gateway.Identity;
using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Cli;
using OzgGrid.Silo.Tests.Hosting;
using Kommune = OzgGrid.Protos.V1.Kommune;
using KommuneSource = OzgGrid.Protos.V1.KommuneSource;
using Kreis = OzgGrid.Protos.V1.Kreis;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// The Kommunen register of every Land over real gRPC: loaded on start from the shipped Gemeindeverzeichnis, its Kreise,
/// and a newer Gebietsstand with a merger imported through ozgctl.
/// On each store: <see cref="AzuriteKommunenRegisterServiceTests"/>, <see cref="Postgres.PostgresKommunenRegisterServiceTests"/>.
/// </summary>
public abstract class KommunenRegisterServiceTests(GatewayFixture fixture)
{
    private readonly RolloutService.RolloutServiceClient _rollout = new(fixture.Host.Channel);
    private readonly RolloutService.RolloutServiceClient _monitoring = new(fixture.Host.ChannelFor(Roles.Monitoring, "dashboard"));

    [Fact]
    public async Task Every_Land_has_every_Gemeinde_of_the_Gemeindeverzeichnis_with_AGS_Kreis_ARS_population_and_attribution()
    {
        foreach (var (land, shipped) in ShippedRegister.ByLand)
        {
            var first = await _monitoring.ListKommunenAsync(new ListKommunenRequest { Land = land, PageSize = 1 });
            Assert.Equal((land, shipped.Length), (land, first.TotalSize));
            Assert.Equal(shipped[0].Ags, Assert.Single(first.Kommunen).Ags);
        }

        var seen = new List<Kommune>();
        var (token, attribution) = (string.Empty, string.Empty);
        do
        {
            var page = await _monitoring.ListKommunenAsync(new ListKommunenRequest { Land = "05", PageSize = 150, PageToken = token });
            seen.AddRange(page.Kommunen);
            (token, attribution) = (page.NextPageToken, page.Attribution);
        }
        while (token.Length > 0);

        Assert.Equal(ShippedRegister.Of("NW").Select(Expected), seen);
        Assert.Contains("Statistisches Bundesamt (Destatis)", attribution);
        Assert.Contains("dl-de/by-2-0", attribution);
    }

    [Fact]
    public async Task Kreise_list_their_Kommunen_count_and_population_and_filter_the_Kommunen()
    {
        var shipped = ShippedRegister.Of("NW");
        var byKreis = shipped.GroupBy(k => Ags.KreisOf(k.Ags)).ToList();

        var kreise = await _monitoring.ListKreiseAsync(new ListKreiseRequest { Land = "NW" });
        var largest = byKreis.MaxBy(kreis => kreis.Count())!;
        var ofLargest = await _monitoring.ListKommunenAsync(new ListKommunenRequest { Land = "NW", KreisAgs = largest.Key, PageSize = 500 });
        var foreign = await Assert.ThrowsAsync<RpcException>(() => _monitoring.ListKommunenAsync(new ListKommunenRequest { Land = "NW", KreisAgs = "09162" }).ResponseAsync);

        Assert.Equal(
            byKreis.Select(kreis => new Kreis { KreisAgs = kreis.Key, Name = kreis.First().KreisName, Kommunen = kreis.Count(), Einwohner = kreis.Sum(k => (long)k.Einwohner) }),
            kreise.Kreise);
        Assert.Equal(shipped.Length, kreise.Kreise.Sum(k => k.Kommunen));
        Assert.Contains("Destatis", kreise.Attribution);
        Assert.Equal(largest.Select(k => k.Ags), ofLargest.Kommunen.Select(k => k.Ags));
        Assert.Equal(largest.Count(), ofLargest.TotalSize);
        Assert.Equal((StatusCode.InvalidArgument, true), (foreign.StatusCode, foreign.Status.Detail.StartsWith("kreis_ags:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_newer_Gebietsstand_with_a_merger_keeps_the_retired_Kommune_readable_and_counts_its_rollout_for_its_successor()
    {
        const string land = "TH";
        var shipped = ShippedRegister.Of(land);
        var kreis = shipped.GroupBy(k => Ags.KreisOf(k.Ags)).First(group => group.Count() >= 2).ToList();
        var (merged, successor) = (kreis[0], kreis[1]);
        var ozgId = fixture.TakeOzgId();
        await fixture.Leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = NewId(), Reifegrad = 3 });
        await _rollout.ReportRolloutAsync(Online(ozgId, merged.Ags));
        var file = Gebietsstand(shipped, merged.Ags, successor.Ags);
        try
        {
            var run = await new OzgCtlRunner(fixture.Host).InProcessAsync("kommunen", "import", land, "--gebietsstand", file, "-o", "json");

            Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
            using var json = JsonDocument.Parse(run.Out);
            Assert.Equal((shipped.Length - 1, 1), (json.RootElement.GetProperty("count").GetInt32(), json.RootElement.GetProperty("merged").GetInt32()));

            var retired = await _monitoring.GetKommuneAsync(new GetKommuneRequest { Ags = merged.Ags });
            Assert.Equal(Expected(merged, successor.Ags), retired.Kommune);
            Assert.Equal((true, successor.Ags), (retired.Retired, retired.SuccessorAgs));
            var listed = await _monitoring.ListKommunenAsync(new ListKommunenRequest { Land = land, Retired = true });
            Assert.Equal([merged.Ags], listed.Kommunen.Select(k => k.Ags));
            Assert.Equal(shipped.Length - 1, (await _monitoring.ListKommunenAsync(new ListKommunenRequest { Land = land })).TotalSize);

            // The merged Kommune's entry counts as its successor's, which has none of its own.
            var rollout = await _monitoring.GetRolloutAsync(new GetRolloutRequest { OzgId = ozgId, Land = land });
            Assert.Equal((shipped.Length - 1, 1, Verfuegbarkeit.InMindestensEinerKommune), (rollout.RegisteredKommunen, rollout.OnlineKommunen, rollout.Verfuegbarkeit));
            var late = await Assert.ThrowsAsync<RpcException>(() => _rollout.ReportRolloutAsync(Online(ozgId, merged.Ags)).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, late.StatusCode);
            Assert.Contains($"merged into {successor.Ags}", late.Status.Detail);

            var nowhere = await Assert.ThrowsAsync<RpcException>(() => _rollout.ImportKommunenAsync(new ImportKommunenRequest
            {
                RequestId = NewId(), Land = land, Kommunen = { Expected(successor), Expected(merged, "16999999") },
            }).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, nowhere.StatusCode);
            Assert.StartsWith("kommunen[1].merged_into:", nowhere.Status.Detail);
        }
        finally
        {
            // The shipped register again, for the other tests of this host: the merged Kommune is current once more.
            await _rollout.ImportKommunenAsync(new ImportKommunenRequest { RequestId = NewId(), Land = land, Kommunen = { shipped.Select(k => Expected(k)) } });
            File.Delete(file);
        }

        Assert.False((await _monitoring.GetKommuneAsync(new GetKommuneRequest { Ags = merged.Ags })).Retired);
    }

    [Fact]
    public async Task Only_the_programme_management_imports_a_Gebietsstand_and_unknown_Kommunen_are_not_found()
    {
        var dataport = new RolloutService.RolloutServiceClient(fixture.Host.ChannelFor(Roles.ItDienstleister, "dataport:erik", KnownData.Dataport));
        var bremen = ShippedRegister.Of("HB");
        var request = new ImportKommunenRequest { RequestId = NewId(), Land = "HB", Kommunen = { Expected(bremen[0]), Expected(bremen[1], bremen[0].Ags) } };

        var byDataport = await Assert.ThrowsAsync<RpcException>(() => dataport.ImportKommunenAsync(request).ResponseAsync);
        var byMonitoring = await Assert.ThrowsAsync<RpcException>(() => _monitoring.ImportKommunenAsync(request).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => dataport.GetKommuneAsync(new GetKommuneRequest { Ags = "04099999" }).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (byDataport.StatusCode, byMonitoring.StatusCode));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(bremen.Length, (await dataport.ListKommunenAsync(new ListKommunenRequest { Land = "HB" })).TotalSize);
        Assert.Equal(Expected(bremen[1]), (await dataport.GetKommuneAsync(new GetKommuneRequest { Ags = bremen[1].Ags })).Kommune);
    }

    private static Kommune Expected(Grains.Abstractions.Kommunen.Kommune kommune) => Expected(kommune, string.Empty);

    private static Kommune Expected(Grains.Abstractions.Kommunen.Kommune kommune, string mergedInto) => new()
    {
        Ags = kommune.Ags, Name = kommune.Name, Source = KommuneSource.Imported, KreisAgs = Ags.KreisOf(kommune.Ags), KreisName = kommune.KreisName,
        Ars = kommune.Ars, Einwohner = kommune.Einwohner, MergedInto = mergedInto,
    };

    /// <summary>A Gebietsstand CSV as Destatis data reads: every row of the Land, the merged Kommune with merged_into.</summary>
    private static string Gebietsstand(IEnumerable<Grains.Abstractions.Kommunen.Kommune> kommunen, string mergedAgs, string successorAgs)
    {
        var csv = new StringBuilder("ags,name,land,kreis_ags,kreis_name,ars,einwohner,merged_into\n");
        foreach (var k in kommunen)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{k.Ags},\"{k.Name}\",TH,{Ags.KreisOf(k.Ags)},\"{k.KreisName}\",{k.Ars},{k.Einwohner},{(k.Ags == mergedAgs ? successorAgs : string.Empty)}\n");
        }

        var file = Path.Combine(Path.GetTempPath(), $"gebietsstand-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, csv.ToString());
        return file;
    }

    private static ReportRolloutRequest Online(int ozgId, string ags) => new()
    {
        RequestId = NewId(), Report = new RolloutReport { OzgId = ozgId, Ags = ags, Verfuegbarkeit = KommuneVerfuegbarkeit.Online, Reifegrad = 3 },
    };

    private static string NewId() => Guid.NewGuid().ToString();
}

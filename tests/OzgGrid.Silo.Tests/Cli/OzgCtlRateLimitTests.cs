using OzgGrid.Cli;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests.Cli;

/// <summary>A bulk file larger than the caller's rate limit allows at once: ozgctl slows down instead of refusing rows.</summary>
public sealed class OzgCtlRateLimitTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ozgctl-rate-").FullName;

    [Fact]
    public async Task Bulk_status_waits_out_the_rate_limit_and_applies_every_row()
    {
        await using var host = await TestHost.StartAsync(ClusterScope.CreateNew(), "--OzgGrid:RateLimit:PermitsPerSecond=3", "--OzgGrid:RateLimit:Burst=2");
        var leistungen = new LeistungService.LeistungServiceClient(host.ChannelFor(Gateway.Identity.Roles.Monitoring, "rate-test-reader"));
        var ozgIds = (await leistungen.ListLeistungenAsync(new ListLeistungenRequest { PageSize = 10 })).Leistungen.Select(l => l.OzgId).ToList();
        var input = Path.Combine(_folder, "many.csv");
        await File.WriteAllLinesAsync(input, ["ozg_id,reifegrad", .. ozgIds.Select(id => $"{id},2")]);

        var run = await OzgCtlRunner.InProcessAsync(OzgCtlRunner.EnvironmentFor(host), new CapturedWriter(), ["bulk", "status", input, "--parallel", "8", "-o", "csv"]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains($"{ozgIds.Count} rows: {ozgIds.Count} accepted, 0 refused, 0 not sent", run.Error);
        var after = await leistungen.ListLeistungenAsync(new ListLeistungenRequest { PageSize = 10 });
        Assert.All(after.Leistungen, l => Assert.Equal(2, l.Status.Reifegrad));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

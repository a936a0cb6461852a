using System.Collections.Concurrent;
using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Fuzzing;
using OzgGrid.Silo.Tests.Hosting;
using Xunit.Abstractions;

namespace OzgGrid.Silo.Tests;

public sealed class HostileInputTests(ITestOutputHelper output)
{
    private const int Requests = 10_000;
    private const int Seed = 20261129;

    [Fact]
    public async Task Ten_thousand_hostile_requests_get_a_specific_refusal_each_and_change_nothing()
    {
        await using var host = await TestHost.StartAsync(ClusterScope.CreateNew(), "--OzgGrid:RateLimit:PermitsPerSecond=0");
        var leistungen = new LeistungService.LeistungServiceClient(host.Channel);
        var monitoring = new MonitoringService.MonitoringServiceClient(host.Channel);
        var ozgIds = (await leistungen.ListLeistungenAsync(new ListLeistungenRequest { PageSize = 500 })).Leistungen.Select(l => l.OzgId).ToArray();
        var used = (OzgId: ozgIds[0], RequestId: "fuzz-used-request");
        await leistungen.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = used.OzgId, RequestId = used.RequestId, Reifegrad = 2 });
        var foreign = new AuthOptions { Issuer = "ozggrid", SigningKeys = [AuthOptions.NewKey()] };
        var forged = host.ChannelWithToken(AccessTokens.Issue(foreign, "mallory", Roles.ProgrammManagement, null, TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
        var generator = new HostileRequestGenerator(
            new Random(Seed), host.Channel, host.ChannelFor(Roles.Monitoring, "fuzz-monitor"), host.AnonymousChannel, forged, ozgIds, used);
        var requests = Enumerable.Range(0, Requests).Select(_ => generator.Next()).ToList();
        var before = await StateAsync(leistungen, monitoring);

        var counts = new ConcurrentDictionary<StatusCode, int>();
        var wrong = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (request, _) =>
        {
            var code = StatusCode.OK;
            var detail = string.Empty;
            try
            {
                await request.Send();
            }
            catch (RpcException refused)
            {
                (code, detail) = (refused.StatusCode, refused.Status.Detail);
            }

            counts.AddOrUpdate(code, 1, (_, n) => n + 1);
            if (!request.Acceptable.Contains(code) || detail.Length == 0)
            {
                wrong.Add($"{request.Kind}: {code} ({detail[..Math.Min(detail.Length, 200)]})");
            }
        });

        output.WriteLine($"{Requests} hostile requests (seed {Seed}): " +
            string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key}={c.Value}")));
        Assert.True(wrong.IsEmpty, $"{wrong.Count} answers were not a correct refusal, e.g.:{Environment.NewLine}{string.Join(Environment.NewLine, wrong.Take(10))}");
        Assert.Equal(before, await StateAsync(leistungen, monitoring));
        var health = await new Grpc.Health.V1.Health.HealthClient(host.Channel).CheckAsync(new Grpc.Health.V1.HealthCheckRequest());
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    /// <summary>Every Leistung's version and the headline figures: what a successful write would change.</summary>
    private static async Task<string> StateAsync(LeistungService.LeistungServiceClient leistungen, MonitoringService.MonitoringServiceClient monitoring)
    {
        var versions = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await leistungen.ListLeistungenAsync(new ListLeistungenRequest { PageSize = 500, PageToken = token });
            versions.AddRange(page.Leistungen.Select(l => $"{l.OzgId}:{l.Version}"));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        var figures = (await monitoring.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest())).Figures;
        return $"{string.Join(",", versions)} | {figures.Leistungen}/{figures.OzgKonform}/{figures.Online}";
    }
}

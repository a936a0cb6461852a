using OzgGrid.Gateway.Identity;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Kommunen;
using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>Sets up the soak's world through the public API as the programme management: registration, assignments, a Kommunen register.</summary>
public static class SoakSetup
{
    public const string ItDienstleister = "soak-dienstleister";
    public const string Land = "HB";
    public const string ManagementSubject = "soak-management";

    private const int Kommunen = 3;
    private const int ZustaendigkeitLeistungen = 4;
    private const int RolloutLeistungen = 3;
    private const int ForeignLeistungen = 10;

    public static async Task<SoakWorld> PrepareAsync(SoakCluster cluster, SoakOptions options, CancellationToken cancellationToken)
    {
        // The same subject as the soak's management writes: the hostile traffic reuses the request id of one of these.
        using var channel = cluster.Channel(cluster.Token(Roles.ProgrammManagement, ManagementSubject));
        var leistungen = new LeistungService.LeistungServiceClient(channel);
        var all = await SoakCalls.RetryAsync(async () =>
            (await leistungen.ListLeistungenAsync(new ListLeistungenRequest { PageSize = 500 }, deadline: SoakCalls.Deadline())).Leistungen.Select(l => l.OzgId).ToArray());
        var writers = options.StatusWriters * SoakOptions.LeistungenPerWriter;
        var needed = writers + ZustaendigkeitLeistungen + RolloutLeistungen + ForeignLeistungen;
        if (all.Length < needed)
        {
            throw new InvalidOperationException($"The catalogue has {all.Length} Leistungen; the soak needs {needed}.");
        }

        // Spread over the catalogue, so that the writes move the figures of many Themenfelder.
        var picked = Enumerable.Range(0, needed).Select(i => all[i * all.Length / needed]).ToArray();
        var status = picked[..writers].Chunk(SoakOptions.LeistungenPerWriter).ToArray();
        var zustaendigkeit = picked[writers..(writers + ZustaendigkeitLeistungen)];
        var rollout = picked[(writers + ZustaendigkeitLeistungen)..(writers + ZustaendigkeitLeistungen + RolloutLeistungen)];
        var foreign = picked[(writers + ZustaendigkeitLeistungen + RolloutLeistungen)..];

        await SoakCalls.RetryAsync(() => new ItDienstleisterService.ItDienstleisterServiceClient(channel).RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest
        {
            Id = ItDienstleister, RequestId = $"soak-register-{ItDienstleister}", Name = "Soak-Dienstleister", Laender = { Land },
        }, deadline: SoakCalls.Deadline()).ResponseAsync);
        foreach (var ozgId in status.SelectMany(l => l).Concat(rollout))
        {
            var request = new SetZustaendigkeitRequest
            {
                OzgId = ozgId, RequestId = $"soak-assign-{ozgId}", Zustaendigkeit = new Zustaendigkeit { Land = Land, ItDienstleister = ItDienstleister },
            };
            await SoakCalls.RetryAsync(() => leistungen.SetZustaendigkeitAsync(request, deadline: SoakCalls.Deadline()).ResponseAsync);
        }

        foreach (var ozgId in rollout)
        {
            var request = new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = $"soak-online-{ozgId}", Reifegrad = 3 };
            await SoakCalls.RetryAsync(() => leistungen.UpdateLeistungStatusAsync(request, deadline: SoakCalls.Deadline()).ResponseAsync);
        }

        // The Land's shipped register (Bremen, Bremerhaven), as the silo loaded it on start.
        var register = (await SoakCalls.RetryAsync(() => new RolloutService.RolloutServiceClient(channel).ListKommunenAsync(
            new ListKommunenRequest { Land = Land }, deadline: SoakCalls.Deadline()).ResponseAsync)).Kommunen;

        var used = (foreign[0], $"soak-used-{foreign[0]}");
        await SoakCalls.RetryAsync(() => leistungen.UpdateLeistungStatusAsync(
            new UpdateLeistungStatusRequest { OzgId = used.Item1, RequestId = used.Item2, Reifegrad = 1 }, deadline: SoakCalls.Deadline()).ResponseAsync);
        return new SoakWorld(ItDienstleister, Land, status, zustaendigkeit, rollout, [.. register.Select(k => k.Ags)], foreign, used);
    }
}

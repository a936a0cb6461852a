using System.Globalization;
using Grpc.Core;
using OzgGrid.Protos.V1;

namespace OzgGrid.Demo.Simulation;

/// <summary>Month 0: the IT-Dienstleister registered, Leistungen assigned, Onlinedienste registered, Kommunen chosen.</summary>
public sealed partial class ProgrammeSimulator
{
    /// <summary>How long a freshly started silo may take to serve its catalogue and register.</summary>
    private static readonly TimeSpan StartupDeadline = TimeSpan.FromMinutes(3);

    public async Task SetUpAsync(CancellationToken cancellation)
    {
        var today = Today;
        _firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-24);
        var leistungen = new LeistungService.LeistungServiceClient(_connection.Management);
        var katalog = await WhenServedAsync(() => AlleLeistungenAsync(leistungen), k => k.Count > 0, cancellation);
        var kandidaten = katalog.OrderBy(_ => _random.Next()).ToList();

        var registry = new ItDienstleisterService.ItDienstleisterServiceClient(_connection.Management);
        foreach (var anbieter in DemoCast.Anbieter)
        {
            await Calls.WriteAsync($"register {anbieter.Id}", async () => await registry.RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest
            {
                Id = anbieter.Id, RequestId = Calls.NextRequestId(), Name = anbieter.Name, Laender = { anbieter.Laender },
                Contact = "demo@ozggrid.invalid",
            }));
            var register = await WhenServedAsync(() => KommunenAsync(anbieter.AnschlussLand), k => k.Count > 0, cancellation);
            await AssignAsync(anbieter, kandidaten, leistungen, register);
        }

        await _log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"demo: {DemoCast.Anbieter.Count} IT-Dienstleister with {_leistungen.Count} Leistungen, {_leistungen.Count(l => l.OnlinedienstId is not null)} Onlinedienste; seed {_seed}"));
    }

    private async Task AssignAsync(DemoAnbieter anbieter, List<LeistungSummary> kandidaten, LeistungService.LeistungServiceClient leistungen, IReadOnlyList<string> register)
    {
        var dienste = 0;
        var hand = 0;
        while ((dienste < OnlinedienstLeistungen || hand < HandLeistungen) && kandidaten.Count > 0)
        {
            var summary = kandidaten[^1];
            kandidaten.RemoveAt(kandidaten.Count - 1);
            string? leikaKey = null;
            if (dienste < OnlinedienstLeistungen)
            {
                var leistung = (await leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = summary.OzgId })).Leistung;
                leikaKey = leistung.LeikaLeistungen.FirstOrDefault(l => l.LeikaKey.Length == 14)?.LeikaKey;
            }

            if (leikaKey is null && hand >= HandLeistungen)
            {
                continue;
            }

            var zustaendigkeit = new Zustaendigkeit { Land = anbieter.AnschlussLand, Efa = true, ItDienstleister = anbieter.Id };
            zustaendigkeit.NachnutzerLaender.Add(anbieter.Laender.Skip(1));
            await Calls.WriteAsync($"assign {summary.OzgId} to {anbieter.Id}", async () => await leistungen.SetZustaendigkeitAsync(new SetZustaendigkeitRequest
            {
                OzgId = summary.OzgId, RequestId = Calls.NextRequestId(), Zustaendigkeit = zustaendigkeit,
            }));

            if (leikaKey is null)
            {
                hand++;
                _leistungen.Add(new SimulatedLeistung(summary.OzgId, anbieter, null, null));
                continue;
            }

            var simulated = new SimulatedLeistung(summary.OzgId, anbieter, leikaKey, string.Create(CultureInfo.InvariantCulture, $"demo-od-{summary.OzgId}"));
            await RegisterOnlinedienstAsync(simulated, summary.Name);
            var start = 1 + dienste;
            var reihenfolge = register.OrderBy(_ => _random.Next()).ToList();
            foreach (var ags in reihenfolge.Take(KommunenProOnlinedienst))
            {
                simulated.Kommunen.Add(new SimulatedKommune(ags, start++, 50 + _random.Next(400)));
            }

            reihenfolge.Skip(KommunenProOnlinedienst).ToList().ForEach(simulated.Warteschlange.Enqueue);

            dienste++;
            _leistungen.Add(simulated);
        }
    }

    /// <summary>Retries reads while the freshly started silo is not serving yet (or not loaded yet), up to a deadline.</summary>
    private async Task<T> WhenServedAsync<T>(Func<Task<T>> read, Func<T, bool> ready, CancellationToken cancellation)
    {
        var deadline = _time.GetUtcNow() + StartupDeadline;
        while (true)
        {
            try
            {
                var answer = await read();
                if (ready(answer) || _time.GetUtcNow() > deadline)
                {
                    return answer;
                }
            }
            catch (RpcException unavailable) when (unavailable.StatusCode == StatusCode.Unavailable && _time.GetUtcNow() <= deadline)
            {
                // The silo is still starting.
            }

            await Task.Delay(TimeSpan.FromSeconds(1), _time, cancellation);
        }
    }

    private static async Task<List<LeistungSummary>> AlleLeistungenAsync(LeistungService.LeistungServiceClient leistungen)
    {
        var all = new List<LeistungSummary>();
        var token = string.Empty;
        do
        {
            var page = await leistungen.ListLeistungenAsync(new ListLeistungenRequest { PageSize = 500, PageToken = token });
            all.AddRange(page.Leistungen);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return all;
    }

    private async Task<IReadOnlyList<string>> KommunenAsync(string land)
    {
        var rollout = new RolloutService.RolloutServiceClient(_connection.Management);
        var page = await rollout.ListKommunenAsync(new ListKommunenRequest { Land = land, PageSize = 500 });
        return [.. page.Kommunen.Select(k => k.Ags)];
    }
}

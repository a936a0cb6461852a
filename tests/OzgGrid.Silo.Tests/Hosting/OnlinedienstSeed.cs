using Grpc.Net.Client;
using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>Onlinedienste made through the gateway as the programme management: registered, rated, in use, published.</summary>
public sealed class OnlinedienstSeed(GrpcChannel channel)
{
    private readonly OnlinedienstService.OnlinedienstServiceClient _dienste = new(channel);
    private readonly LeistungService.LeistungServiceClient _leistungen = new(channel);

    /// <summary>A Leistung of <paramref name="take"/> with a keyed LeiKa-Leistung, and that key.</summary>
    public async Task<(int OzgId, string LeikaKey)> LeistungAsync(Func<int> take)
    {
        while (true)
        {
            var ozgId = take();
            var leistung = (await _leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung;
            if (leistung.LeikaLeistungen.FirstOrDefault(l => l.LeikaKey.Length == 14) is { } leika)
            {
                return (ozgId, leika.LeikaKey);
            }
        }
    }

    /// <summary>An IT-Dienstleister of its own (serving HB) to offer Onlinedienste, on hosts that register none.</summary>
    public async Task<string> AnbieterAsync()
    {
        var id = $"itdl-{Guid.NewGuid():N}"[..20];
        await new ItDienstleisterService.ItDienstleisterServiceClient(channel).RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest
        {
            Id = id, RequestId = NewId(), Name = "Anbieter", Laender = { "HB" }, Contact = "ozg@anbieter.example",
        });
        return id;
    }

    /// <summary>Registers an Onlinedienst offered by an IT-Dienstleister registered on the host.</summary>
    public async Task<string> RegisterAsync(string anbieterId)
    {
        var id = $"od-{Guid.NewGuid():N}"[..24];
        await _dienste.RegisterOnlinedienstAsync(new RegisterOnlinedienstRequest
        {
            OnlinedienstId = id, RequestId = NewId(), Name = id, Url = $"https://{id}.example.org", AnbieterId = anbieterId,
        });
        return id;
    }

    /// <summary>Rates the pair by one model: the first <paramref name="rated"/> criteria at <paramref name="stufe"/> (K01, K02, …).</summary>
    public async Task<Onlinedienst> RateAsync(string id, string leikaKey, ReifegradModell modell, int stufe, int rated)
    {
        var request = new RateOnlinedienstLeistungRequest { OnlinedienstId = id, RequestId = NewId(), LeikaKey = leikaKey, Modell = modell };
        request.Kriterien.Add(Enumerable.Range(1, rated).Select(k => new KriteriumBewertung { Kriterium = $"K{k:00}", Stufe = stufe }));
        return (await _dienste.RateOnlinedienstLeistungAsync(request)).Onlinedienst;
    }

    /// <summary>Rates every criterion of model 1.1 (10) and 2.0 (13) at the given level.</summary>
    public async Task RateAllAsync(string id, string leikaKey, int stufe11, int stufe20)
    {
        await RateAsync(id, leikaKey, ReifegradModell.V11, stufe11, 10);
        await RateAsync(id, leikaKey, ReifegradModell.V20, stufe20, 13);
    }

    public async Task<Onlinedienst> EinsatzgebietAsync(string id, params string[] laender)
    {
        var request = new SetOnlinedienstEinsatzgebietRequest { OnlinedienstId = id, RequestId = NewId() };
        request.Einsatzgebiet.Add(laender.Select(land => new EinsatzImLand { Land = land }));
        return (await _dienste.SetOnlinedienstEinsatzgebietAsync(request)).Onlinedienst;
    }

    public async Task<Onlinedienst> PublishAsync(string id, bool veroeffentlicht = true) =>
        (await _dienste.PublishOnlinedienstAsync(new PublishOnlinedienstRequest { OnlinedienstId = id, RequestId = NewId(), Veroeffentlicht = veroeffentlicht })).Onlinedienst;

    /// <summary>An Onlinedienst rated for the pair, in use in <paramref name="land"/> and published.</summary>
    public async Task<string> InUseAsync(string anbieterId, string leikaKey, int stufe11, int stufe20, string land = "HB")
    {
        var id = await RegisterAsync(anbieterId);
        await RateAllAsync(id, leikaKey, stufe11, stufe20);
        await EinsatzgebietAsync(id, land);
        await PublishAsync(id);
        return id;
    }

    private static string NewId() => Guid.NewGuid().ToString();
}

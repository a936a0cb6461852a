using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using IAnschlussGrain = OzgGrid.Grains.Abstractions.Anschluss.IAnschlussGrain;
using IOnlinedienstGrain = OzgGrid.Grains.Abstractions.Onlinedienste.IOnlinedienstGrain;
using ILandRolloutGrain = OzgGrid.Grains.Abstractions.Rollout.ILandRolloutGrain;
using OzgGrid.Grains.ProgrammeManagement;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;
using Xunit.Abstractions;
using static OzgGrid.Silo.Tests.Hosting.AnschlussChecklist;
using AnschlussSchritt = OzgGrid.Protos.V1.AnschlussSchritt;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// The forecast report of every Land over real gRPC against Azurite (the shipped register, a host of its own): it
/// answers row for row what GetAnschlussPrognose answers for each Leistung and Land, and reads each Onlinedienst once
/// and each Anschluss record and Land rollout once, not once per Leistung it is read for.
/// </summary>
public sealed class AnschlussPrognoseReportTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Dienste = 20;

    /// <summary>Leistungen each Onlinedienst implements; neighbours share one, so a Leistung has up to two.</summary>
    private const int LeistungenJeDienst = 3;

    private readonly GrainCallCounter _calls = new();
    private TestHost? _host;

    private TestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() =>
        _host = await TestHost.StartAsync(ClusterScope.CreateNew(), services => services.AddSingleton<IIncomingGrainCallFilter>(_calls));

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_forecast_of_every_Land_answers_as_each_Lands_forecast_and_reads_each_record_once()
    {
        var anschluss = new AnschlussService.AnschlussServiceClient(Host.Channel);
        var (ozgIds, dienste) = await SeedAsync();

        // A Kommune online by a confirmed Go-Live (reported into the rollout), others overdue or planned, responsibility narrowed.
        var today = Host.Services.GetRequiredService<ProgrammeClock>().Today;
        var (hb, sl) = (ShippedRegister.Of("HB"), ShippedRegister.Of("SL"));
        foreach (var ozgId in ozgIds.Take(LeistungenJeDienst))
        {
            // Online in a Kommune needs a Reifegrad above 0.
            await new LeistungService.LeistungServiceClient(Host.Channel).UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = NewId(), Reifegrad = 3 });
        }

        await anschluss.SetAnschlussAsync(Request(dienste[0], [.. Bis(hb[0].Ags, today, AnschlussSchritt.BestaetigtDurchKommune)]));
        await anschluss.SetAnschlussAsync(Request(dienste[0], [Item(hb[1].Ags, AnschlussSchritt.GoLiveGeplant, Day(today.AddDays(-3)))]));
        await anschluss.SetAnschlussAsync(Request(dienste[1], [.. sl.Select(k => Item(k.Ags, AnschlussSchritt.GoLiveGeplant, Day(today.AddDays(40))))]));
        await new ZustaendigkeitService.ZustaendigkeitServiceClient(Host.Channel).SetZustaendigeKommunenAsync(new SetZustaendigeKommunenRequest
        {
            OzgId = ozgIds[0], Land = "SL", RequestId = NewId(), Art = ZustaendigeKommunenArt.Liste, Ags = { sl.Take(5).Select(k => k.Ags) },
        });
        await Eventually.ReturnsAsync(
            () => anschluss.GetAnschlussPrognoseAsync(new GetAnschlussPrognoseRequest { OzgId = ozgIds[0], Land = "HB" }).ResponseAsync,
            p => p.OnlineKommunen == 1, "the confirmed Go-Live reported into the Land rollout");

        var before = _calls.Snapshot();
        var watch = Stopwatch.StartNew();
        var report = await anschluss.ExportAnschlussReportAsync(new ExportAnschlussReportRequest { Teil = AnschlussReportTeil.Prognose });
        watch.Stop();
        var calls = _calls.Since(before);
        var rows = ReportTable.Read(report.Csv).Rows;
        output.WriteLine($"forecast of all Länder: {rows.Count} rows ({rows.Count / 16} Leistungen × 16 Länder, {Dienste} Onlinedienste) in {watch.ElapsedMilliseconds} ms; "
            + $"grain calls: {string.Join(", ", calls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"))}");

        // Row for row what each Land's forecast answers.
        var reported = rows.Select(r => int.Parse(r["ozg_id"], CultureInfo.InvariantCulture)).Distinct().ToHashSet();
        Assert.Equal(reported.Count * 16, rows.Count);
        Assert.Subset(reported, ozgIds.ToHashSet());
        foreach (var batch in rows.Chunk(16))
        {
            await Task.WhenAll(batch.Select(async row =>
            {
                var perLand = await PrognoseAsync(anschluss, int.Parse(row["ozg_id"], CultureInfo.InvariantCulture), row["land"]);
                Assert.Equal(perLand, row);
            }));
        }

        Assert.Contains(rows, r => r["land"] == "HB" && r["online_kommunen"] == "1" && r["ueberfaellige_kommunen"] == "1");
        Assert.Contains(rows, r => r["land"] == "SL" && r["zustaendige_kommunen"] == "5");
        Assert.Contains(rows, r => r["land"] == "SL" && r["flaechendeckend_ab"] == Day(today.AddDays(40)));

        // Each record once: not once per Leistung and Land it is read for.
        var anschlussReads = calls.GetValueOrDefault($"{nameof(IAnschlussGrain)}.{nameof(IAnschlussGrain.GetAsync)}");
        Assert.True(anschlussReads <= Dienste * 16, $"each Anschluss record read once, not {anschlussReads} times");

        // An Anschluss record's read asks its Onlinedienst whether it exists; the report asks each once besides.
        var dienstReads = calls.GetValueOrDefault($"{nameof(IOnlinedienstGrain)}.{nameof(IOnlinedienstGrain.GetAsync)}");
        Assert.True(dienstReads <= Dienste + anschlussReads, $"each Onlinedienst read once, not {dienstReads - anschlussReads} times");
        var rolloutCalls = calls.Where(c => c.Key.StartsWith($"{nameof(ILandRolloutGrain)}.Get", StringComparison.Ordinal)).Sum(c => c.Value);
        Assert.True(rolloutCalls <= rows.Count, $"each Land rollout asked once, not {rolloutCalls} times for {rows.Count}");
    }

    /// <summary>Onlinedienste of one Anbieter, each rated for three Leistungen and in use in two Länder; the Leistungen' OZG-IDs and the Onlinedienste.</summary>
    private async Task<(List<int> OzgIds, List<string> Dienste)> SeedAsync()
    {
        var seed = new OnlinedienstSeed(Host.Channel);
        var leistungenClient = new LeistungService.LeistungServiceClient(Host.Channel);
        var laender = new[] { "SH", "HH", "NI", "HB", "NW", "HE", "RP", "BW", "BY", "SL", "BE", "BB", "MV", "SN", "ST", "TH" };
        var first = await leistungenClient.ListLeistungenAsync(new ListLeistungenRequest { PageSize = 200 });
        var leistungen = new List<(int OzgId, string LeikaKey)>();
        foreach (var summary in first.Leistungen)
        {
            var leistung = (await leistungenClient.GetLeistungAsync(new GetLeistungRequest { OzgId = summary.OzgId })).Leistung;
            if (leistung.LeikaLeistungen.FirstOrDefault(l => l.LeikaKey.Length == 14) is { } leika)
            {
                leistungen.Add((leistung.OzgId, leika.LeikaKey));
            }

            if (leistungen.Count == Dienste * (LeistungenJeDienst - 1))
            {
                break;
            }
        }

        var anbieter = await seed.AnbieterAsync();
        var dienste = new List<string>();
        for (var i = 0; i < Dienste; i++)
        {
            var id = await seed.RegisterAsync(anbieter);
            for (var j = 0; j < LeistungenJeDienst; j++)
            {
                await seed.RateAsync(id, leistungen[((i * (LeistungenJeDienst - 1)) + j) % leistungen.Count].LeikaKey, ReifegradModell.V11, 3, 10);
            }

            // The first two in HB and SL, where the test writes checklists; the others spread over the Länder.
            await seed.EinsatzgebietAsync(id, i < 2 ? ["HB", "SL"] : [laender[i % 16], laender[(i + 5) % 16]]);
            dienste.Add(id);
        }

        return ([.. leistungen.Select(l => l.OzgId)], dienste);
    }

    /// <summary>The forecast of one Leistung in one Land over every page, as the report's row has it.</summary>
    private static async Task<Dictionary<string, string>> PrognoseAsync(AnschlussService.AnschlussServiceClient client, int ozgId, string land)
    {
        var request = new GetAnschlussPrognoseRequest { OzgId = ozgId, Land = land, PageSize = 500 };
        var page = await client.GetAnschlussPrognoseAsync(request);
        var fehlende = page.Fehlende.Select(f => f.Ags).ToList();
        while (page.NextPageToken.Length > 0)
        {
            page = await client.GetAnschlussPrognoseAsync(new GetAnschlussPrognoseRequest { OzgId = ozgId, Land = land, PageSize = 500, PageToken = page.NextPageToken });
            fehlende.AddRange(page.Fehlende.Select(f => f.Ags));
        }

        string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>
        {
            ["ozg_id"] = Text(ozgId), ["land"] = land, ["zustaendige_kommunen"] = Text(page.ZustaendigeKommunen), ["online_kommunen"] = Text(page.OnlineKommunen),
            ["fehlende_kommunen"] = Text(page.FehlendeKommunen), ["ueberfaellige_kommunen"] = Text(page.UeberfaelligeKommunen),
            ["ohne_geplanten_go_live"] = Text(page.OhneGeplantenGoLive), ["flaechendeckend"] = page.Flaechendeckend ? "True" : "False",
            ["flaechendeckend_ab"] = page.FlaechendeckendAb, ["fehlende"] = string.Join(' ', fehlende),
        };
    }

    private static SetAnschlussRequest Request(string onlinedienst, IEnumerable<AnschlussAenderung> items) =>
        new() { OnlinedienstId = onlinedienst, RequestId = NewId(), Aenderungen = { items } };

    private static string NewId() => Guid.NewGuid().ToString();
}

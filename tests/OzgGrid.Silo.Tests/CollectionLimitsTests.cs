using Grpc.Core;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// Every collection a caller can grow stops at its limit (OzgGrid:Limits, set to 2 here): up to the limit is fine, one
/// more is RESOURCE_EXHAUSTED naming the limit and the count, and the record still takes writes that do not grow it.
/// </summary>
public sealed class CollectionLimitsTests(CollectionLimitsTests.LimitedHost fixture) : IClassFixture<CollectionLimitsTests.LimitedHost>
{
    private const int Limit = 2;

    private static readonly string[] BeteiligteLaender = ["BY", "BE", "HH"];

    private readonly ProgrammeManagementService.ProgrammeManagementServiceClient _client = new(fixture.Host.Channel);

    [Fact]
    public async Task A_lab_keeps_at_most_its_limit_of_Blaupausen_and_participants()
    {
        var laborId = await DefineLaborAsync(themenfeldId: 1);
        for (var i = 0; i < Limit; i++)
        {
            await _client.PublishBlaupauseAsync(new PublishBlaupauseRequest { LaborId = laborId, RequestId = NewId(), Name = "Antrag", Link = $"https://example.org/v{i}" });
        }

        await RefusedAsync(
            () => _client.PublishBlaupauseAsync(new PublishBlaupauseRequest { LaborId = laborId, RequestId = NewId(), Name = "Neu", Link = "https://example.org/neu" }).ResponseAsync,
            "BlaupausenPerLabor", $"holds {Limit} of at most {Limit}");
        await RefusedAsync(
            () => _client.SetLaborTeilnehmerAsync(new SetLaborTeilnehmerRequest { LaborId = laborId, RequestId = NewId(), Teilnehmer = { Teilnehmer(Limit + 1) } }).ResponseAsync,
            "TeilnehmerPerLabor", $"would hold {Limit + 1}");

        var withTeilnehmer = await _client.SetLaborTeilnehmerAsync(new SetLaborTeilnehmerRequest { LaborId = laborId, RequestId = NewId(), Teilnehmer = { Teilnehmer(Limit) } });
        var moved = await _client.SetLaborStufeAsync(new SetLaborStufeRequest { LaborId = laborId, RequestId = NewId(), Stufe = LaborStufe.Zielbild });
        Assert.Equal(Limit, withTeilnehmer.Labor.Teilnehmer.Count);
        Assert.Equal(Limit, moved.Labor.Blaupausen.Count);
        Assert.Equal(LaborStufe.Zielbild, moved.Labor.Stufe);
    }

    [Fact]
    public async Task A_Themenfeld_lists_at_most_its_limit_of_labs()
    {
        var labore = new List<string>();
        for (var i = 0; i < Limit; i++)
        {
            labore.Add(await DefineLaborAsync(themenfeldId: 2));
        }

        await RefusedAsync(() => DefineLaborAsync(themenfeldId: 2), "LaborePerThemenfeld", $"holds {Limit} of at most {Limit}");

        var renamed = await _client.DefineLaborAsync(new DefineLaborRequest { LaborId = labore[0], RequestId = NewId(), Name = "Umbenannt", ThemenfeldId = 2 });
        Assert.Equal("Umbenannt", renamed.Labor.Name);
        Assert.Equal(labore.Order(), (await _client.ListLaboreAsync(new ListLaboreRequest { ThemenfeldId = 2 })).Labore.Select(l => l.LaborId).Order());
    }

    [Fact]
    public async Task A_Leistung_is_linked_to_at_most_its_limit_of_components()
    {
        var ozgId = fixture.OzgIds[0];
        var komponenten = new List<string>();
        for (var i = 0; i <= Limit; i++)
        {
            var komponenteId = NewId("komponente");
            await _client.RegisterKomponenteAsync(new RegisterKomponenteRequest { KomponenteId = komponenteId, RequestId = NewId(), Name = $"Komponente {i}", Art = KomponenteArt.Sonstige });
            komponenten.Add(komponenteId);
        }

        for (var i = 0; i < Limit; i++)
        {
            await _client.SetKomponenteNutzungAsync(new SetKomponenteNutzungRequest { KomponenteId = komponenten[i], RequestId = NewId(), OzgId = ozgId, Used = true });
        }

        await RefusedAsync(
            () => _client.SetKomponenteNutzungAsync(new SetKomponenteNutzungRequest { KomponenteId = komponenten[Limit], RequestId = NewId(), OzgId = ozgId, Used = true }).ResponseAsync,
            "KomponentenPerLeistung", $"holds {Limit} of at most {Limit}");
        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            _client.SetKomponenteNutzungAsync(new SetKomponenteNutzungRequest { KomponenteId = komponenten[Limit], RequestId = NewId(), OzgId = 99999, Used = true }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);

        await _client.SetKomponenteNutzungAsync(new SetKomponenteNutzungRequest { KomponenteId = komponenten[0], RequestId = NewId(), OzgId = ozgId, Used = false });
        await _client.SetKomponenteNutzungAsync(new SetKomponenteNutzungRequest { KomponenteId = komponenten[Limit], RequestId = NewId(), OzgId = ozgId, Used = true });
        var used = await _client.ListLeistungKomponentenAsync(new ListLeistungKomponentenRequest { OzgId = ozgId });
        Assert.Equal(komponenten.Skip(1).Order(), used.Komponenten.Select(k => k.KomponenteId).Order());
    }

    [Fact]
    public async Task A_Leistung_keeps_at_most_its_limit_of_milestones_and_the_programme_at_most_its_limit_of_Beschluesse()
    {
        var ozgId = fixture.OzgIds[1];
        var planned = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1).ToString("yyyy-MM-dd");
        var later = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(2).ToString("yyyy-MM-dd");
        await _client.SetMeilensteinAsync(new SetMeilensteinRequest { OzgId = ozgId, RequestId = NewId(), Phase = Umsetzungsphase.RollOut, PlannedDate = planned });
        await _client.SetMeilensteinAsync(new SetMeilensteinRequest { OzgId = ozgId, RequestId = NewId(), Phase = Umsetzungsphase.RollOut, Land = "NW", PlannedDate = planned });

        await RefusedAsync(
            () => _client.SetMeilensteinAsync(new SetMeilensteinRequest { OzgId = ozgId, RequestId = NewId(), Phase = Umsetzungsphase.RollOut, Land = "HE", PlannedDate = planned }).ResponseAsync,
            "MeilensteinePerLeistung", $"holds {Limit} of at most {Limit}");
        var moved = await _client.SetMeilensteinAsync(new SetMeilensteinRequest { OzgId = ozgId, RequestId = NewId(), Phase = Umsetzungsphase.RollOut, Land = "NW", PlannedDate = later });
        Assert.Equal(Limit, moved.Meilensteine.Meilensteine.Count);

        var beschluesse = new List<RecordBeschlussRequest>();
        for (var i = 0; i < Limit; i++)
        {
            beschluesse.Add(Beschluss());
            await _client.RecordBeschlussAsync(beschluesse[^1]);
        }

        await RefusedAsync(() => _client.RecordBeschlussAsync(Beschluss()).ResponseAsync, "Beschluesse", $"holds {Limit} of at most {Limit}");
        var again = await _client.RecordBeschlussAsync(beschluesse[0]);
        Assert.Equal(1, again.Beschluss.Version);
        Assert.Equal(Limit, (await _client.ListBeschluesseAsync(new ListBeschluesseRequest { PageSize = 10 })).Beschluesse.Count);
    }

    [Fact]
    public async Task A_Beschluss_whose_milestones_a_Leistung_has_no_room_for_is_not_stored()
    {
        var full = fixture.OzgIds[2];
        var other = fixture.OzgIds[3];
        var planned = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1).ToString("yyyy-MM-dd");
        foreach (var land in new[] { "BY", "SN" })
        {
            await _client.SetMeilensteinAsync(new SetMeilensteinRequest { OzgId = full, RequestId = NewId(), Phase = Umsetzungsphase.Umsetzung, Land = land, PlannedDate = planned });
        }

        var beschluss = Beschluss();
        beschluss.Meilensteine.Add(new MeilensteinVorgabe { OzgIds = { other, full }, Phase = Umsetzungsphase.RollOut, Land = "BY", PlannedDate = planned });

        await RefusedAsync(() => _client.RecordBeschlussAsync(beschluss).ResponseAsync, "MeilensteinePerLeistung", $"holds {Limit} of at most {Limit}");
        var unknown = await Assert.ThrowsAsync<RpcException>(() => _client.GetBeschlussAsync(new GetBeschlussRequest { Nummer = beschluss.Nummer }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Empty((await _client.GetMeilensteineAsync(new GetMeilensteineRequest { OzgId = other })).Meilensteine.Meilensteine);
        Assert.Equal(Limit, (await _client.GetMeilensteineAsync(new GetMeilensteineRequest { OzgId = full })).Meilensteine.Meilensteine.Count);
    }

    [Fact]
    public async Task The_registry_holds_at_most_its_limit_of_IT_Dienstleister()
    {
        var registry = new ItDienstleisterService.ItDienstleisterServiceClient(fixture.Host.Channel);
        var ids = Enumerable.Range(0, Limit + 1).Select(_ => NewId("itdl")).ToList();
        for (var i = 0; i < Limit; i++)
        {
            await registry.RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest { Id = ids[i], RequestId = NewId(), Name = $"IT-Dienstleister {i}", Laender = { "HE" } });
        }

        await RefusedAsync(
            () => registry.RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest { Id = ids[Limit], RequestId = NewId(), Name = "Einer zu viel", Laender = { "HE" } }).ResponseAsync,
            "ItDienstleister", $"holds {Limit} of at most {Limit}");

        var updated = await registry.RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest { Id = ids[0], RequestId = NewId(), Name = "Umbenannt", Laender = { "HE", "NW" } });
        Assert.Equal(2, updated.ItDienstleister.Version);
        Assert.Equal(Limit, (await registry.ListItDienstleisterAsync(new ListItDienstleisterRequest())).ItDienstleister.Count);
    }

    [Fact]
    public async Task Umsetzungsprojekte_and_their_collections_stop_at_their_limits()
    {
        var projekte = new UmsetzungsprojektService.UmsetzungsprojektServiceClient(fixture.Host.Channel);
        DefineUmsetzungsprojektRequest Define(params int[] ozgIds) => new()
        {
            ProjektId = NewId("projekt"), RequestId = NewId(), Name = "Projekt", OzgIds = { ozgIds },
            Projektleitung = new Organisation { Art = OrganisationArt.Land, Kennung = "HE" }, EfaTyp = EfaTyp.KeinEfa,
        };
        var first = Define(fixture.OzgIds[0]);
        await projekte.DefineUmsetzungsprojektAsync(first);

        await RefusedAsync(() => projekte.DefineUmsetzungsprojektAsync(Define([.. fixture.OzgIds.Take(Limit + 1)])).ResponseAsync,
            "LeistungenPerUmsetzungsprojekt", $"would hold {Limit + 1}");
        await RefusedAsync(() => projekte.SetProjektBeteiligteAsync(new SetProjektBeteiligteRequest
        {
            ProjektId = first.ProjektId, RequestId = NewId(),
            Beteiligte = { BeteiligteLaender.Select(land => new Beteiligung { Organisation = new Organisation { Art = OrganisationArt.Land, Kennung = land }, Rolle = BeteiligungRolle.Interessiert }) },
        }).ResponseAsync, "BeteiligtePerUmsetzungsprojekt", $"would hold {Limit + 1}");
        await RefusedAsync(() => projekte.SetProjektFinanzierungAsync(new SetProjektFinanzierungRequest
        {
            ProjektId = first.ProjektId, RequestId = NewId(),
            Finanzierungen = { Enumerable.Range(0, Limit + 1).Select(i => new Finanzierung { Programm = $"P{i}", BetragCent = i, Status = FinanzierungStatus.Beantragt }) },
        }).ResponseAsync, "FinanzierungenPerUmsetzungsprojekt", $"would hold {Limit + 1}");
        await RefusedAsync(() => projekte.SetProjektOnlinediensteAsync(new SetProjektOnlinediensteRequest
        {
            ProjektId = first.ProjektId, RequestId = NewId(), OnlinedienstIds = { Enumerable.Range(1, Limit + 1).Select(i => $"od-{i}") },
        }).ResponseAsync, "OnlinedienstePerUmsetzungsprojekt", $"would hold {Limit + 1}");
        await projekte.DefineUmsetzungsprojektAsync(Define(fixture.OzgIds[0]));
        await RefusedAsync(() => projekte.DefineUmsetzungsprojektAsync(Define(fixture.OzgIds[1])).ResponseAsync, "Umsetzungsprojekte", $"holds {Limit} of at most {Limit}");

        var changed = first.Clone();
        (changed.RequestId, changed.Name) = (NewId(), "Umbenannt");
        var renamed = await projekte.DefineUmsetzungsprojektAsync(changed);
        Assert.Equal(2, renamed.Projekt.Version);
    }

    private async Task<string> DefineLaborAsync(int themenfeldId)
    {
        var laborId = NewId("labor");
        await _client.DefineLaborAsync(new DefineLaborRequest { LaborId = laborId, RequestId = NewId(), Name = "Labor", ThemenfeldId = themenfeldId });
        return laborId;
    }

    private static async Task RefusedAsync<T>(Func<Task<T>> call, string setting, string count)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains($"OzgGrid:Limits:{setting}", refused.Status.Detail);
        Assert.Contains(count, refused.Status.Detail);
    }

    private static IEnumerable<LaborTeilnehmer> Teilnehmer(int count) =>
        Enumerable.Range(0, count).Select(i => new LaborTeilnehmer { Art = TeilnehmerArt.Bundesressort, Kennung = $"Ressort {i}", Rolle = "Recht" });

    private static RecordBeschlussRequest Beschluss() => new()
    {
        Nummer = $"2026/{Random.Shared.Next(100_000, 999_999)}", RequestId = NewId(), Datum = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"),
        Titel = "Beschluss", Text = "Ohne Meilensteine.",
    };

    private static string NewId(string prefix = "limits") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 33)];

    /// <summary>A host of its own whose limits are all <see cref="Limit"/>, with the catalogue imported.</summary>
    public sealed class LimitedHost : IAsyncLifetime
    {
        private TestHost? _host;

        public TestHost Host => _host ?? throw new InvalidOperationException("The host is not started.");

        public IReadOnlyList<int> OzgIds { get; private set; } = [];

        public async Task InitializeAsync()
        {
            string[] limits =
            [
                "BlaupausenPerLabor", "TeilnehmerPerLabor", "LaborePerThemenfeld", "KomponentenPerLeistung", "MeilensteinePerLeistung", "Beschluesse", "ItDienstleister",
                "Umsetzungsprojekte", "LeistungenPerUmsetzungsprojekt", "BeteiligtePerUmsetzungsprojekt", "FinanzierungenPerUmsetzungsprojekt",
                "OnlinedienstePerUmsetzungsprojekt", "UmsetzungsprojektePerLeistung",
            ];
            _host = await TestHost.StartAsync(ClusterScope.CreateNew(), [.. limits.Select(limit => $"--OzgGrid:Limits:{limit}={Limit}")]);
            var leistungen = new LeistungService.LeistungServiceClient(_host.Channel);
            var listed = await Eventually.ReturnsAsync(
                async () => (await leistungen.ListLeistungenAsync(new ListLeistungenRequest { PageSize = 10 })).Leistungen,
                page => page.Count == 10, "the catalogue to be imported");
            OzgIds = [.. listed.Select(l => l.OzgId)];
        }

        public async Task DisposeAsync()
        {
            if (_host is not null)
            {
                await _host.DisposeAsync();
            }
        }
    }
}

using Grpc.Core;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>Themenfelder and their Federführung over real gRPC: lists, writes once per request id, refusals. On each store: <see cref="AzuriteThemenfeldServiceTests"/>, <see cref="Postgres.PostgresThemenfeldServiceTests"/>.</summary>
public abstract class ThemenfeldServiceTests(GatewayFixture fixture)
{
    private readonly ThemenfeldService.ThemenfeldServiceClient _client = fixture.Themenfelder;

    [Fact]
    public async Task ListThemenfelder_returns_the_14_Themenfelder_with_their_Lagen_and_Leistungen()
    {
        var response = await _client.ListThemenfelderAsync(new ListThemenfelderRequest());

        Assert.Equal(Enumerable.Range(1, KnownData.Themenfelder), response.Themenfelder.Select(t => t.ThemenfeldId));
        Assert.Equal("Arbeit & Ruhestand", response.Themenfelder[0].Name);
        Assert.Equal(KnownData.Lagen, response.Themenfelder.Sum(t => t.Lagen.Count));
        Assert.Equal(KnownData.Leistungen, response.Themenfelder.Sum(t => t.LeistungenCount));
        Assert.Equal(KnownData.Leistungen, response.Themenfelder.SelectMany(t => t.Lagen).Sum(l => l.LeistungenCount));
    }

    [Fact]
    public async Task The_known_Federfuehrungen_are_loaded_and_the_others_are_unknown()
    {
        var response = await _client.ListThemenfelderAsync(new ListThemenfelderRequest());
        var byId = response.Themenfelder.ToDictionary(t => t.ThemenfeldId);

        Assert.Equal("BMFSFJ", byId[6].Federfuehrung.Bundesressort);
        Assert.Equal(["HB"], byId[6].Federfuehrung.Laender);
        Assert.Equal(["HE", "NW"], byId[1].Federfuehrung.Laender);
        Assert.Empty(byId[1].Federfuehrung.Bundesressort);
        // Tests set a Federführung on the others they take; those not taken are still unknown.
        Assert.All(byId.Keys.Except(GatewayFixture.WithoutKnownFederfuehrung), id => Assert.NotNull(byId[id].Federfuehrung));
        Assert.Equal(14, byId.Count);
        Assert.All(fixture.UntakenThemenfeldIds(), id => Assert.Null(byId[id].Federfuehrung));
    }

    [Fact]
    public async Task SetFederfuehrung_sets_an_unknown_Federfuehrung_once_per_request_id()
    {
        var id = fixture.TakeThemenfeldId();
        var before = (await _client.GetThemenfeldAsync(new GetThemenfeldRequest { ThemenfeldId = id })).Themenfeld;
        var request = new SetFederfuehrungRequest
        {
            ThemenfeldId = id,
            RequestId = Guid.NewGuid().ToString(),
            ExpectedVersion = before.Version,
            Federfuehrung = new Federfuehrung { Bundesressort = "BMI", Laender = { "by", "11" } },
        };

        var set = await _client.SetFederfuehrungAsync(request);
        var retried = await _client.SetFederfuehrungAsync(request);
        var stale = await Assert.ThrowsAsync<RpcException>(() => _client.SetFederfuehrungAsync(new SetFederfuehrungRequest
        {
            ThemenfeldId = id, RequestId = Guid.NewGuid().ToString(), ExpectedVersion = before.Version,
            Federfuehrung = new Federfuehrung { Bundesressort = "BMJ" },
        }).ResponseAsync);

        Assert.Null(before.Federfuehrung);
        Assert.Equal(before.Version + 1, set.Themenfeld.Version);
        Assert.Equal(set, retried);
        Assert.Equal(StatusCode.FailedPrecondition, stale.StatusCode);
        var read = (await _client.GetThemenfeldAsync(new GetThemenfeldRequest { ThemenfeldId = id })).Themenfeld;
        Assert.Equal("BMI", read.Federfuehrung.Bundesressort);
        Assert.Equal(["BE", "BY"], read.Federfuehrung.Laender);
    }

    [Fact]
    public async Task Themenfeld_errors_name_what_is_wrong()
    {
        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            _client.GetThemenfeldAsync(new GetThemenfeldRequest { ThemenfeldId = 15 }).ResponseAsync);
        var empty = await Assert.ThrowsAsync<RpcException>(() => _client.SetFederfuehrungAsync(new SetFederfuehrungRequest
        {
            ThemenfeldId = 3, RequestId = Guid.NewGuid().ToString(), Federfuehrung = new Federfuehrung(),
        }).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => _client.SetFederfuehrungAsync(new SetFederfuehrungRequest
        {
            ThemenfeldId = 3, RequestId = Guid.NewGuid().ToString(),
        }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        Assert.StartsWith("federfuehrung", empty.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, missing.StatusCode);
        Assert.StartsWith("federfuehrung", missing.Status.Detail);
    }
}

using Grpc.Core;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>The API semantics of racing writers and expected versions, on each store: <see cref="AzuriteConcurrencyTests"/>, <see cref="Postgres.PostgresConcurrencyTests"/>.</summary>
public abstract class ConcurrencyTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Of_two_writers_racing_with_the_same_expected_version_exactly_one_wins()
    {
        var ozgId = fixture.TakeOzgId();
        await fixture.Leistungen.SetZustaendigkeitAsync(new SetZustaendigkeitRequest
        {
            OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), Zustaendigkeit = new Zustaendigkeit { Land = "HB", ItDienstleister = KnownData.Dataport },
        });
        var racers = new[]
        {
            new LeistungService.LeistungServiceClient(fixture.Host.ChannelFor(Roles.ItDienstleister, "dataport:alice", KnownData.Dataport)),
            new LeistungService.LeistungServiceClient(fixture.Host.Channel),
        };

        for (var round = 0; round < 20; round++)
        {
            var version = (await fixture.Leistungen.GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId })).Leistung.Version;
            var outcomes = await Task.WhenAll(racers.Select(async (racer, i) =>
            {
                try
                {
                    await racer.UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest
                    {
                        OzgId = ozgId, RequestId = Guid.NewGuid().ToString(), ExpectedVersion = version, Reifegrad = 1 + ((round * 2 + i) % 4),
                    });
                    return (Code: StatusCode.OK, Detail: string.Empty);
                }
                catch (RpcException refused)
                {
                    return (Code: refused.StatusCode, Detail: refused.Status.Detail);
                }
            }));

            Assert.Single(outcomes, o => o.Code == StatusCode.OK);
            var loser = Assert.Single(outcomes, o => o.Code != StatusCode.OK);
            Assert.Equal(StatusCode.FailedPrecondition, loser.Code);
            Assert.Contains($"current version is {version + 1}", loser.Detail);
        }
    }
}

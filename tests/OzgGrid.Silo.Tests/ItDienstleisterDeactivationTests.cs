using Grpc.Core;
using Grpc.Net.Client;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>A deactivated IT-Dienstleister is shut out of every call at once, over real gRPC; reactivating lets it in again. On each store: <see cref="AzuriteItDienstleisterDeactivationTests"/>, <see cref="Postgres.PostgresItDienstleisterDeactivationTests"/>.</summary>
public abstract class ItDienstleisterDeactivationTests(GatewayFixture fixture)
{
    // Well above the gateway's cache of the registration (half a second), well below anything a person would notice.
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_deactivated_it_dienstleister_is_refused_for_reads_writes_and_streams_within_a_second_and_let_in_again_when_reactivated()
    {
        var (id, ozgId) = await RegisterAssignedAsync();
        var registry = new ItDienstleisterService.ItDienstleisterServiceClient(fixture.Host.Channel);
        var itdl = fixture.Host.ChannelFor(Roles.ItDienstleister, $"{id}:alice", id);
        Assert.Equal(StatusCode.OK, await ReadAsync(itdl, ozgId));
        Assert.Equal(StatusCode.OK, await WriteAsync(itdl, ozgId));

        var deactivated = await registry.DeactivateItDienstleisterAsync(new SetItDienstleisterDeactivatedRequest { Id = id, RequestId = NewId() });

        Assert.True(deactivated.ItDienstleister.Deactivated);
        var write = await Assert.ThrowsAsync<RpcException>(() => new LeistungService.LeistungServiceClient(itdl)
            .UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = NewId(), Reifegrad = 2 }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, write.StatusCode);
        Assert.Contains("deactivated", write.Status.Detail, StringComparison.Ordinal);
        await Eventually.ReturnsAsync(() => ReadAsync(itdl, ozgId), code => code == StatusCode.PermissionDenied, "reads refused", AtOnce);
        Assert.Equal(StatusCode.PermissionDenied, await WatchAsync(itdl, ozgId));
        Assert.Equal(StatusCode.PermissionDenied, await WriteAsync(itdl, ozgId));
        Assert.Equal(StatusCode.OK, await ReadAsync(fixture.Host.Channel, ozgId));

        var reactivated = await registry.ReactivateItDienstleisterAsync(new SetItDienstleisterDeactivatedRequest { Id = id, RequestId = NewId() });

        Assert.False(reactivated.ItDienstleister.Deactivated);
        await Eventually.ReturnsAsync(() => ReadAsync(itdl, ozgId), code => code == StatusCode.OK, "reads served again", AtOnce);
        Assert.Equal(StatusCode.OK, await WriteAsync(itdl, ozgId));
    }

    [Fact]
    public async Task Registering_a_deactivated_it_dienstleister_again_leaves_it_deactivated()
    {
        var (id, _) = await RegisterAssignedAsync();
        var registry = new ItDienstleisterService.ItDienstleisterServiceClient(fixture.Host.Channel);
        await registry.DeactivateItDienstleisterAsync(new SetItDienstleisterDeactivatedRequest { Id = id, RequestId = NewId() });

        var registered = await registry.RegisterItDienstleisterAsync(new RegisterItDienstleisterRequest
        {
            Id = id, RequestId = NewId(), Name = "Renamed", Laender = { "HE" },
        });

        Assert.True(registered.ItDienstleister.Deactivated);
        Assert.True((await registry.GetItDienstleisterAsync(new GetItDienstleisterRequest { Id = id })).ItDienstleister.Deactivated);
    }

    [Fact]
    public async Task Only_the_programme_management_may_deactivate_and_an_unknown_id_is_not_found()
    {
        var (id, _) = await RegisterAssignedAsync();
        var request = new SetItDienstleisterDeactivatedRequest { Id = id, RequestId = NewId() };
        foreach (var channel in new[]
                 {
                     fixture.Host.ChannelFor(Roles.ItDienstleister, $"{id}:alice", id), fixture.Host.ChannelFor(Roles.Monitoring, "dashboard"),
                 })
        {
            var refused = await Assert.ThrowsAsync<RpcException>(
                () => new ItDienstleisterService.ItDienstleisterServiceClient(channel).DeactivateItDienstleisterAsync(request).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        }

        var registry = new ItDienstleisterService.ItDienstleisterServiceClient(fixture.Host.Channel);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => registry.DeactivateItDienstleisterAsync(
            new SetItDienstleisterDeactivatedRequest { Id = $"nobody-{Guid.NewGuid():N}"[..20], RequestId = NewId() }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.False((await registry.GetItDienstleisterAsync(new GetItDienstleisterRequest { Id = id })).ItDienstleister.Deactivated);
    }

    private async Task<(string Id, int OzgId)> RegisterAssignedAsync()
    {
        var id = $"itdl-{Guid.NewGuid():N}"[..20];
        var ozgId = fixture.TakeOzgId();
        await new ItDienstleisterService.ItDienstleisterServiceClient(fixture.Host.Channel).RegisterItDienstleisterAsync(
            new RegisterItDienstleisterRequest { Id = id, RequestId = NewId(), Name = id, Laender = { "HE" } });
        await fixture.Leistungen.SetZustaendigkeitAsync(new SetZustaendigkeitRequest
        {
            OzgId = ozgId, RequestId = NewId(), Zustaendigkeit = new Zustaendigkeit { Land = "HE", ItDienstleister = id },
        });
        return (id, ozgId);
    }

    private static Task<StatusCode> ReadAsync(GrpcChannel channel, int ozgId) => CallStatus.OfAsync(() =>
        new LeistungService.LeistungServiceClient(channel).GetLeistungAsync(new GetLeistungRequest { OzgId = ozgId }).ResponseAsync);

    private static Task<StatusCode> WriteAsync(GrpcChannel channel, int ozgId) => CallStatus.OfAsync(() =>
        new LeistungService.LeistungServiceClient(channel)
            .UpdateLeistungStatusAsync(new UpdateLeistungStatusRequest { OzgId = ozgId, RequestId = NewId(), Reifegrad = 1 + Random.Shared.Next(4) })
            .ResponseAsync);

    private static Task<StatusCode> WatchAsync(GrpcChannel channel, int ozgId) => CallStatus.OfAsync(async () =>
    {
        using var call = new MonitoringService.MonitoringServiceClient(channel).WatchProgramme(new WatchProgrammeRequest { OzgIds = { ozgId } });
        await call.ResponseStream.MoveNext(CancellationToken.None);
    });

    private static string NewId() => Guid.NewGuid().ToString();
}

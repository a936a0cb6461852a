using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>
/// A silo told to stop (SIGTERM: the application is stopping) ends its endless streams at once, so that the host can
/// drain and stop gracefully, and tells each client how to go on.
/// </summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task A_stopping_silo_ends_its_watch_streams_with_UNAVAILABLE_and_how_to_go_on()
    {
        await using var host = await TestHost.StartAsync(ClusterScope.CreateNew());
        using var programme = new MonitoringService.MonitoringServiceClient(host.Channel).WatchProgramme(new WatchProgrammeRequest());
        using var management = new ProgrammeManagementService.ProgrammeManagementServiceClient(host.Channel)
            .WatchProgrammeManagement(new WatchProgrammeManagementRequest());
        Assert.True(await programme.ResponseStream.MoveNext(CancellationToken.None));
        Assert.True(await management.ResponseStream.MoveNext(CancellationToken.None));

        host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        var programmeEnded = await Assert.ThrowsAsync<RpcException>(() => ReadToEndAsync(programme.ResponseStream));
        var managementEnded = await Assert.ThrowsAsync<RpcException>(() => ReadToEndAsync(management.ResponseStream));
        Assert.Equal((StatusCode.Unavailable, StatusCode.Unavailable), (programmeEnded.StatusCode, managementEnded.StatusCode));
        Assert.StartsWith("This silo is shutting down; reconnect with resume_cursor", programmeEnded.Status.Detail);
        Assert.StartsWith("This silo is shutting down; open the stream again", managementEnded.Status.Detail);
    }

    private static async Task ReadToEndAsync<T>(IAsyncStreamReader<T> stream)
    {
        using var deadline = new CancellationTokenSource(Eventually.DefaultTimeout);
        while (await stream.MoveNext(deadline.Token))
        {
        }
    }
}

using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using OzgGrid.Gateway.Identity;
using OzgGrid.Gateway.Streams;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>An import stream whose client stalls is ended by the gateway (a host of its own, with a one-second idle timeout).</summary>
public sealed class ImportIdleTimeoutTests : OwnHostTest
{
    protected override string[] Settings => ["--OzgGrid:Streams:ImportIdleTimeout=00:00:01"];

    [Fact]
    public async Task An_import_stream_whose_client_sends_nothing_more_is_ended_DEADLINE_EXCEEDED_naming_the_setting_and_frees_its_slot()
    {
        var subject = $"idle-{Guid.NewGuid():N}";
        var client = new NutzungService.NutzungServiceClient(Host.ChannelFor(Roles.ProgrammManagement, subject));
        using var import = client.ImportNutzung();
        await import.RequestStream.WriteAsync(new ImportNutzungRequest { RequestId = $"idle-{Guid.NewGuid():N}" });

        // The client neither sends again nor completes its stream.
        var ended = await Assert.ThrowsAsync<RpcException>(() => import.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(StatusCode.DeadlineExceeded, ended.StatusCode);
        Assert.Contains("OzgGrid:Streams:ImportIdleTimeout", ended.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("nothing of it was written", ended.Status.Detail, StringComparison.Ordinal);
        var limiter = Host.Services.GetRequiredService<StreamLimiter>();
        await Eventually.ReturnsAsync(() => Task.FromResult(limiter.OpenBy($"sub:{subject}")), count => count == 0, "the stalled import's slot free");
    }
}

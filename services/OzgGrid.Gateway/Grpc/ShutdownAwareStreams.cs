using Grpc.Core;
using Microsoft.Extensions.Hosting;

namespace OzgGrid.Gateway.Grpc;

/// <summary>
/// Ends the endless streams (monitoring watches, the programme page's events) as soon as the silo begins to stop, with
/// UNAVAILABLE and how to reconnect. Otherwise Kestrel waits for them until its shutdown timeout runs out, and the
/// silo's own stop then runs out of time too: no longer graceful, its grains not deactivated.
/// </summary>
public sealed class ShutdownAwareStreams(IHostApplicationLifetime lifetime)
{
    public async Task RunAsync(Func<CancellationToken, Task> stream, ServerCallContext context, string reconnect)
    {
        using var callOrStopping = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            await stream(callOrStopping.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or RpcException
            && lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"This silo is shutting down; {reconnect}"));
        }
    }
}

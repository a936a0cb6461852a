using Grpc.Core;
using Grpc.Net.Client;
using OzgGrid.Cli.Connection;
using Polly;
using Polly.Retry;

namespace OzgGrid.Cli.Bulk;

/// <summary>
/// A bulk run's calls: one that the server's rate limit refuses (RESOURCE_EXHAUSTED) waits and goes again with the same
/// request id, rather than counting its rows as refused; a large file is slowed down to what the caller may send.
/// </summary>
public static class RateLimitedCalls
{
    private static readonly ResiliencePipeline BackOff = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RpcException>(e => e.StatusCode == StatusCode.ResourceExhausted),
            MaxRetryAttempts = 10,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(5),
        })
        .Build();

    public static async Task<T> CallAsync<T>(OzgGridConnection connection, Func<GrpcChannel, CallOptions, Task<T>> call, CancellationToken cancellationToken) =>
        await BackOff.ExecuteAsync(async token => await connection.CallAsync(call, token), cancellationToken);
}

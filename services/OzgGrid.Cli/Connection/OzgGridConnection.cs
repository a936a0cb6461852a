using Grpc.Core;
using Grpc.Net.Client;
using Polly;
using Polly.Retry;

namespace OzgGrid.Cli.Connection;

/// <summary>
/// One channel per endpoint, all carrying the bearer token. A call goes to the endpoint that answered last; when it
/// finds that endpoint UNAVAILABLE (refused, unreachable, shutting down) it moves on to the next one (a Polly retry
/// with one attempt per endpoint). When none answers, it tries them all again every <see cref="RetryPause"/> for up to
/// <see cref="ConnectionSettings.RetryFor"/>. Writes carry request ids, so a call repeated is applied once.
/// </summary>
public sealed class OzgGridConnection : IDisposable
{
    // Large enough for a watch snapshot of the whole catalogue and for reports.
    private const int MaxMessageBytes = 64 * 1024 * 1024;

    /// <summary>The pause between two rounds over the endpoints while none answers.</summary>
    public static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(2);

    private readonly GrpcChannel[] _channels;
    private readonly ResiliencePipeline _endpointRetries;
    private int _current;

    public OzgGridConnection(ConnectionSettings settings)
    {
        if (settings.Endpoints.Count == 0)
        {
            throw new ArgumentException("At least one endpoint is needed.", nameof(settings));
        }

        Settings = settings;
        _channels = settings.Endpoints.Select(endpoint => CreateChannel(endpoint, settings.Token, settings.Trust)).ToArray();
        var pipeline = new ResiliencePipelineBuilder();
        if (settings.RetryFor > TimeSpan.Zero)
        {
            // Outermost: rounds over all endpoints, with a pause between them.
            pipeline.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(IsUnreachable),
                MaxRetryAttempts = (int)Math.Ceiling(settings.RetryFor / RetryPause),
                Delay = RetryPause,
                BackoffType = DelayBackoffType.Constant,
            });
        }

        if (settings.Endpoints.Count > 1)
        {
            pipeline.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(IsUnreachable),
                MaxRetryAttempts = settings.Endpoints.Count - 1,
                Delay = TimeSpan.Zero,
                BackoffType = DelayBackoffType.Constant,
            });
        }

        _endpointRetries = pipeline.Build();
    }

    public ConnectionSettings Settings { get; }

    public IReadOnlyList<Uri> Endpoints => Settings.Endpoints;

    /// <summary>The endpoint calls go to now.</summary>
    public Uri CurrentEndpoint => Settings.Endpoints[Volatile.Read(ref _current)];

    public GrpcChannel ChannelFor(int endpointIndex) => _channels[endpointIndex];

    /// <summary>
    /// Makes a unary call with the call timeout, moving through the endpoints while they are unavailable. When none
    /// answers, throws a <see cref="CliException"/> that names each endpoint and what it said.
    /// </summary>
    public async Task<T> CallAsync<T>(Func<GrpcChannel, CallOptions, Task<T>> call, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        try
        {
            return await _endpointRetries.ExecuteAsync(async token =>
            {
                var index = Volatile.Read(ref _current);
                try
                {
                    return await call(_channels[index], new CallOptions(deadline: DateTime.UtcNow + Settings.CallTimeout, cancellationToken: token));
                }
                catch (RpcException e) when (IsUnreachable(e))
                {
                    lock (failures)
                    {
                        failures.Add($"{Settings.Endpoints[index]}: {Reason(e)}");
                    }

                    MoveOnFrom(index);
                    throw;
                }
            }, cancellationToken);
        }
        catch (RpcException e) when (IsUnreachable(e))
        {
            throw Unreachable(failures.Distinct().ToList(), Settings.RetryFor);
        }
    }

    /// <summary>Calls go to the endpoint after <paramref name="failedIndex"/> (unless another call moved on already).</summary>
    public void MoveOnFrom(int failedIndex) =>
        Interlocked.CompareExchange(ref _current, (failedIndex + 1) % _channels.Length, failedIndex);

    public int CurrentIndex => Volatile.Read(ref _current);

    public static bool IsUnreachable(RpcException e) => e.StatusCode == StatusCode.Unavailable;

    /// <summary>The server's message, or for a connection that failed the socket's reason ("Connection refused").</summary>
    public static string Reason(RpcException e)
    {
        var cause = e.Status.DebugException;
        while (cause?.InnerException is not null)
        {
            cause = cause.InnerException;
        }

        return cause is null || string.IsNullOrWhiteSpace(cause.Message) ? e.Status.Detail : $"{e.Status.Detail} ({cause.Message})";
    }

    public static CliException Unreachable(IReadOnlyCollection<string> failures, TimeSpan triedFor = default) =>
        new($"unavailable: no endpoint answered{(triedFor > TimeSpan.Zero ? $" within {triedFor.TotalSeconds:0.#} s" : "")} ({string.Join("; ", failures)})", ExitCodes.Unavailable);

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }

    private static GrpcChannel CreateChannel(Uri endpoint, string? token, TrustedCertificates? trust)
    {
        var options = new GrpcChannelOptions { MaxReceiveMessageSize = MaxMessageBytes };
        if (trust is not null && endpoint.Scheme == Uri.UriSchemeHttps)
        {
            options.HttpHandler = trust.Handler();
        }

        if (token is not null)
        {
            var bearer = CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("Authorization", $"Bearer {token}");
                return Task.CompletedTask;
            });
            var transport = endpoint.Scheme == Uri.UriSchemeHttps ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
            options.Credentials = ChannelCredentials.Create(transport, bearer);
            // Plain http is how silos are reached inside a cluster network and on a developer's machine.
            options.UnsafeUseInsecureChannelCallCredentials = true;
        }

        return GrpcChannel.ForAddress(endpoint, options);
    }
}

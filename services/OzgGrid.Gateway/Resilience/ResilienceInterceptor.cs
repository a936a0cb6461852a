using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OzgGrid.Gateway.Policies;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace OzgGrid.Gateway.Resilience;

/// <summary>
/// Runs every unary call through one Polly pipeline: a timeout bounded by the call's deadline, retries with jitter for
/// transient cluster faults only, and a circuit breaker that turns a failing back end into fast UNAVAILABLE answers
/// instead of calls piling up. Retrying a whole call is safe: writes are applied once per request id.
/// </summary>
public sealed class ResilienceInterceptor : Interceptor
{
    private static readonly ResiliencePropertyKey<TimeSpan> TimeoutKey = new("ozg.timeout");
    private static readonly ResiliencePropertyKey<CancellationToken> CallerTokenKey = new("ozg.caller-token");

    private readonly ResiliencePipeline _pipeline;
    private readonly ResilienceOptions _options;

    public ResilienceInterceptor(IOptions<ResilienceOptions> options, ILogger<ResilienceInterceptor> logger)
    {
        _options = options.Value;
        var builder = new ResiliencePipelineBuilder()
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(args.Context.Properties.GetValue(TimeoutKey, _options.CallTimeout)),
            });
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(FaultClassifier.IsTransientClusterFault),
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryDelay,
                OnRetry = args =>
                {
                    logger.LogInformation(args.Outcome.Exception, "Retrying a call after a transient cluster fault (attempt {Attempt})", args.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            });
        }

        _pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } fault && IsBackendFault(fault, args.Context)),
                FailureRatio = _options.BreakerFailureRatio,
                MinimumThroughput = _options.BreakerMinimumThroughput,
                SamplingDuration = _options.BreakerWindow,
                BreakDuration = _options.BreakDuration,
                OnOpened = args =>
                {
                    logger.LogWarning(args.Outcome.Exception, "Circuit opened: the back end is failing; answering UNAVAILABLE for {BreakDuration}", args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("Circuit closed: the back end answers again");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>
    /// A timed-out attempt arrives as a cancellation; unless the caller cancelled, it is the back end being slow,
    /// and counts towards opening the breaker like any other back-end fault.
    /// </summary>
    private static bool IsBackendFault(Exception fault, ResilienceContext context) =>
        fault is OperationCanceledException
            ? !context.Properties.GetValue(CallerTokenKey, CancellationToken.None).IsCancellationRequested
            : FaultClassifier.IsBackendFault(fault);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var resilienceContext = ResilienceContextPool.Shared.Get(context.CancellationToken);
        // A method without a policy never gets here: the access check refuses it first.
        var limit = _options.TimeoutOf(RpcPolicies.Find(context.Method)?.Timeout ?? TimeoutClass.Standard);
        var remaining = context.Deadline == DateTime.MaxValue ? limit : context.Deadline - DateTime.UtcNow;
        resilienceContext.Properties.Set(TimeoutKey, remaining < limit ? remaining : limit);
        resilienceContext.Properties.Set(CallerTokenKey, context.CancellationToken);
        try
        {
            // Grain calls do not take the token, so an attempt that overruns is abandoned rather than cancelled.
            return await _pipeline.ExecuteAsync(
                static async (resilience, state) => await state.continuation(state.request, state.context).WaitAsync(resilience.CancellationToken),
                resilienceContext,
                (continuation, request, context));
        }
        catch (BrokenCircuitException open)
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"OzgGrid's storage or cluster is failing; calls are refused for now. Retry in {open.RetryAfter?.TotalSeconds ?? _options.BreakDuration.TotalSeconds:0} s."));
        }
        catch (TimeoutRejectedException)
        {
            throw context.Deadline <= DateTime.UtcNow
                ? new RpcException(new Status(StatusCode.DeadlineExceeded, "The call's deadline passed before OzgGrid could answer."))
                : new RpcException(new Status(StatusCode.Unavailable, $"OzgGrid could not answer within {limit.TotalSeconds:0} s; retry shortly."));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(resilienceContext);
        }
    }
}

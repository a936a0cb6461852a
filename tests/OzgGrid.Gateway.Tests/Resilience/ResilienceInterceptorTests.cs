using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Storage;
using OzgGrid.Gateway.Policies;
using OzgGrid.Gateway.Resilience;
using OzgGrid.Gateway.Tests.TestSupport;
using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Tests.Resilience;

/// <remarks>
/// The interceptor builds its Polly pipeline without a <see cref="TimeProvider"/>, so the timeout tests use short real
/// timeouts with generous bounds; retries use no delay and the breaker is tripped by counts, not by time.
/// </remarks>
public sealed class ResilienceInterceptorTests
{
    private const string ReadMethod = "/ozg.v1.LeistungService/GetLeistung";
    private const string WriteMethod = "/ozg.v1.LeistungService/UpdateLeistungStatus";

    private static readonly TimeSpan Long = TimeSpan.FromMinutes(1);

    public static TheoryData<Exception> ConcurrencyConflicts() =>
    [
        new InconsistentStateException("ETag mismatch"),
        new VersionConflictException(3, 7),
    ];

    [Fact]
    public async Task A_write_that_meets_a_dead_silo_once_is_retried_and_reaches_the_handler_twice_with_the_same_request_id()
    {
        var interceptor = Create();
        var expected = new UpdateLeistungStatusResponse { OzgId = 10000, Version = 2 };
        var seen = new List<string>();

        var response = await interceptor.UnaryServerHandler(
            new UpdateLeistungStatusRequest { OzgId = 10000, RequestId = "r-retried" },
            new HttpServerCallContext(WriteMethod),
            (request, _) =>
            {
                lock (seen)
                {
                    seen.Add(request.RequestId);
                    return seen.Count == 1
                        ? Task.FromException<UpdateLeistungStatusResponse>(new SiloUnavailableException("The silo is gone."))
                        : Task.FromResult(expected);
                }
            });

        Assert.Same(expected, response);
        Assert.Equal(["r-retried", "r-retried"], seen);
    }

    [Fact]
    public async Task A_transient_fault_that_persists_is_tried_once_plus_max_retries_and_then_propagates()
    {
        var interceptor = Create(options => options.MaxRetries = 2);
        var calls = 0;

        await Assert.ThrowsAsync<SiloUnavailableException>(() => interceptor.UnaryServerHandler(
            new GetLeistungRequest { OzgId = 10000 },
            new HttpServerCallContext(ReadMethod),
            (_, _) =>
            {
                Interlocked.Increment(ref calls);
                return Task.FromException<GetLeistungResponse>(new SiloUnavailableException("The silo is gone."));
            }));

        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task With_max_retries_0_a_transient_fault_is_not_retried()
    {
        var interceptor = Create(options => options.MaxRetries = 0);
        var calls = 0;

        await Assert.ThrowsAsync<SiloUnavailableException>(() => Call(interceptor, (_, _) =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromException<GetLeistungResponse>(new SiloUnavailableException("The silo is gone."));
        }));

        Assert.Equal(1, calls);
    }

    [Theory]
    [MemberData(nameof(ConcurrencyConflicts))]
    public async Task A_concurrency_conflict_is_not_retried_and_propagates_as_thrown(Exception conflict)
    {
        var interceptor = Create();
        var calls = 0;

        var thrown = await Assert.ThrowsAsync(conflict.GetType(), () => interceptor.UnaryServerHandler(
            new UpdateLeistungStatusRequest { OzgId = 10000, RequestId = "r-conflict" },
            new HttpServerCallContext(WriteMethod),
            (_, _) =>
            {
                Interlocked.Increment(ref calls);
                return Task.FromException<UpdateLeistungStatusResponse>(conflict);
            }));

        Assert.Same(conflict, thrown);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task After_enough_backend_faults_the_breaker_answers_unavailable_without_calling_the_handler()
    {
        var interceptor = Create(options =>
        {
            options.BreakerMinimumThroughput = 2;
            options.BreakerFailureRatio = 0.5;
        });
        var calls = 0;
        Task<GetLeistungResponse> Failing(GetLeistungRequest request, ServerCallContext context)
        {
            Interlocked.Increment(ref calls);
            return Task.FromException<GetLeistungResponse>(new InvalidOperationException("The storage answered nonsense."));
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => Call(interceptor, Failing));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Call(interceptor, Failing));
        var refused = await Assert.ThrowsAsync<RpcException>(() => Call(interceptor, Failing));
        var refusedAgain = await Assert.ThrowsAsync<RpcException>(() => Call(interceptor, Failing));

        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Contains("Retry in", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unavailable, refusedAgain.StatusCode);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Caller_faults_do_not_open_the_breaker()
    {
        var interceptor = Create(options =>
        {
            options.BreakerMinimumThroughput = 2;
            options.BreakerFailureRatio = 0.5;
        });
        var expected = new GetLeistungResponse { Leistung = new Leistung { OzgId = 10000 } };

        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<NotFoundException>(() => Call(
                interceptor, (_, _) => Task.FromException<GetLeistungResponse>(new NotFoundException("No such Leistung."))));
        }

        Assert.Same(expected, await Call(interceptor, (_, _) => Task.FromResult(expected)));
    }

    [Fact]
    public async Task A_call_slower_than_its_deadline_ends_at_the_deadline_without_waiting_for_the_handler()
    {
        var interceptor = Create(options => options.CallTimeout = Long);
        var handler = new TaskCompletionSource<GetLeistungResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler(
            new GetLeistungRequest { OzgId = 10000 },
            new HttpServerCallContext(ReadMethod, deadline: DateTime.UtcNow.AddMilliseconds(200)),
            (_, _) => handler.Task));

        Assert.Contains(error.StatusCode, new[] { StatusCode.DeadlineExceeded, StatusCode.Unavailable });
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(10));
        Assert.False(handler.Task.IsCompleted);
    }

    [Fact]
    public async Task A_call_slower_than_the_call_timeout_without_a_deadline_ends_unavailable()
    {
        var interceptor = Create(options => options.CallTimeout = TimeSpan.FromMilliseconds(100));
        var handler = new TaskCompletionSource<GetLeistungResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RpcException>(() => Call(interceptor, (_, _) => handler.Task));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(75), TimeSpan.FromSeconds(10));
        Assert.False(handler.Task.IsCompleted);
    }

    [Fact]
    public async Task A_catalogue_import_runs_under_the_long_call_timeout_and_ordinary_calls_under_the_call_timeout()
    {
        var interceptor = Create(options => options.LongCallTimeout = TimeSpan.FromMilliseconds(100));
        var hungImport = new TaskCompletionSource<ImportCatalogResponse>(TaskCreationOptions.RunContinuationsAsynchronously);

        // The call timeout is long here: only the long-call timeout can end the import this soon.
        var error = await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler(
            new ImportCatalogRequest(), new HttpServerCallContext("/ozg.v1.CatalogService/ImportCatalog"), (_, _) => hungImport.Task));

        var defaults = new ResilienceOptions();
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(defaults.LongCallTimeout, defaults.TimeoutOf(TimeoutClass.LongRunning));
        Assert.Equal(defaults.CallTimeout, defaults.TimeoutOf(TimeoutClass.Standard));
        Assert.True(defaults.LongCallTimeout > defaults.CallTimeout);
    }

    /// <summary>
    /// A hung back end is the outage the breaker exists for ("instead of calls piling up"), but a timed-out attempt
    /// reaches the breaker as an OperationCanceledException, which counts as a caller fault, i.e. as a success.
    /// </summary>
    [Fact]
    public async Task Calls_that_time_out_count_as_backend_faults_and_open_the_breaker()
    {
        var interceptor = Create(options =>
        {
            options.CallTimeout = TimeSpan.FromMilliseconds(100);
            options.BreakerMinimumThroughput = 2;
            options.BreakerFailureRatio = 0.5;
        });
        var handler = new TaskCompletionSource<GetLeistungResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        Task<GetLeistungResponse> Hanging(GetLeistungRequest request, ServerCallContext context)
        {
            Interlocked.Increment(ref calls);
            return handler.Task;
        }

        await Assert.ThrowsAsync<RpcException>(() => Call(interceptor, Hanging));
        await Assert.ThrowsAsync<RpcException>(() => Call(interceptor, Hanging));
        var refused = await Assert.ThrowsAsync<RpcException>(() => Call(interceptor, Hanging));

        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.True(calls == 2, $"Expected the open breaker to answer the third call without calling the handler, but the handler was called {calls} times.");
    }

    private static Task<GetLeistungResponse> Call(
        ResilienceInterceptor interceptor, UnaryServerMethod<GetLeistungRequest, GetLeistungResponse> handler) =>
        interceptor.UnaryServerHandler(new GetLeistungRequest { OzgId = 10000 }, new HttpServerCallContext(ReadMethod), handler);

    /// <summary>No retry delay and a breaker that does not open unless a test asks for it; each test has its own pipeline.</summary>
    private static ResilienceInterceptor Create(Action<ResilienceOptions>? configure = null)
    {
        var options = new ResilienceOptions
        {
            CallTimeout = Long,
            MaxRetries = 2,
            RetryDelay = TimeSpan.Zero,
            BreakerMinimumThroughput = 1_000,
            BreakerWindow = Long,
            BreakDuration = Long,
        };
        configure?.Invoke(options);
        return new ResilienceInterceptor(Options.Create(options), NullLogger<ResilienceInterceptor>.Instance);
    }
}

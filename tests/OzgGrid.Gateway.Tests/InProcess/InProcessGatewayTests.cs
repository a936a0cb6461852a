using System.Security.Claims;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using OzgGrid.Gateway.Errors;
using OzgGrid.Gateway.Identity;
using OzgGrid.Gateway.InProcess;
using OzgGrid.Gateway.Policies;
using OzgGrid.Gateway.Resilience;
using OzgGrid.Gateway.Tests.TestSupport;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Tests.InProcess;

/// <summary>A service called in-process passes the interceptors registered for gRPC, as a call over the network does.</summary>
public sealed class InProcessGatewayTests : IDisposable
{
    private static readonly MethodDescriptor GetLeistung =
        RpcPolicies.MethodOf(LeistungService.Descriptor, nameof(LeistungService.LeistungServiceBase.GetLeistung));

    private readonly ServiceProvider _services;
    private int _handled;

    public InProcessGatewayTests()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production });
        services.Configure<GrpcServiceOptions>(options =>
        {
            options.Interceptors.Add<DomainErrorInterceptor>();
            options.Interceptors.Add<AccessInterceptor>();
            options.Interceptors.Add<ResilienceInterceptor>();
        });

        // A breaker that opens after two back-end faults, without retries in between.
        services.Configure<ResilienceOptions>(options =>
        {
            options.MaxRetries = 0;
            options.BreakerMinimumThroughput = 2;
            options.BreakerWindow = TimeSpan.FromMinutes(1);
            options.BreakDuration = TimeSpan.FromMinutes(1);
        });
        services.AddSingleton<ResilienceInterceptor>();
        services.AddSingleton<InProcessGateway>();
        _services = services.BuildServiceProvider();
    }

    [Fact]
    public async Task An_anonymous_in_process_call_of_a_protected_method_is_unauthenticated_before_the_handler_runs()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync(TestCallers.Anonymous(), Answering));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(0, _handled);
    }

    [Fact]
    public async Task A_monitoring_caller_is_served_under_the_method_path_its_policy_names()
    {
        var seen = string.Empty;

        await CallAsync(TestCallers.Authenticated("viewer", Roles.Monitoring), (_, context) =>
        {
            seen = context.Method;
            return Answering(new GetLeistungRequest(), context);
        });

        Assert.Equal("/ozg.v1.LeistungService/GetLeistung", seen);
    }

    [Fact]
    public async Task While_the_breaker_is_open_an_in_process_read_is_unavailable_without_reaching_the_handler()
    {
        var viewer = TestCallers.Authenticated("viewer", Roles.Monitoring);
        Task<GetLeistungResponse> Failing(GetLeistungRequest request, ServerCallContext context)
        {
            _handled++;
            return Task.FromException<GetLeistungResponse>(new TimeoutException("The storage did not answer."));
        }

        var first = await Assert.ThrowsAsync<RpcException>(() => CallAsync(viewer, Failing));
        await Assert.ThrowsAsync<RpcException>(() => CallAsync(viewer, Failing));
        var refused = await Assert.ThrowsAsync<RpcException>(() => CallAsync(viewer, Failing));

        Assert.Equal(StatusCode.Unavailable, first.StatusCode);
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Contains("calls are refused for now", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(2, _handled);
    }

    public void Dispose() => _services.Dispose();

    private Task<GetLeistungResponse> Answering(GetLeistungRequest request, ServerCallContext context)
    {
        _handled++;
        return Task.FromResult(new GetLeistungResponse());
    }

    private Task<GetLeistungResponse> CallAsync(ClaimsPrincipal caller, UnaryServerMethod<GetLeistungRequest, GetLeistungResponse> handler)
    {
        var http = new DefaultHttpContext { User = caller, RequestServices = _services };
        return _services.GetRequiredService<InProcessGateway>().UnaryAsync(http, GetLeistung, new GetLeistungRequest { OzgId = 10000 }, handler);
    }
}

using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using OzgGrid.Gateway.Identity;
using OzgGrid.Gateway.Tests.TestSupport;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Tests.Identity;

public sealed class AccessInterceptorTests
{
    private const string UpdateStatus = "/ozg.v1.LeistungService/UpdateLeistungStatus";
    private const string HealthCheck = "/grpc.health.v1.Health/Check";

    private const string Reflection = "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo";

    private readonly AccessInterceptor _interceptor = new(In(Environments.Production));

    [Fact]
    public async Task Outside_Development_an_anonymous_caller_of_server_reflection_is_unauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Call(new HttpServerCallContext(Reflection)));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task In_Development_an_anonymous_caller_of_server_reflection_is_served()
    {
        var calls = 0;

        await Call(new HttpServerCallContext(Reflection), () => calls++, new AccessInterceptor(In(Environments.Development)));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task An_anonymous_caller_of_a_protected_method_is_unauthenticated_and_told_to_send_a_token()
    {
        var calls = 0;

        var error = await Assert.ThrowsAsync<RpcException>(() => Call(new HttpServerCallContext(UpdateStatus), () => calls++));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("bearer token", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task A_refused_token_is_unauthenticated_saying_why_it_was_refused()
    {
        var context = new HttpServerCallContext(UpdateStatus);
        context.HttpContext.Features.Set<IAuthenticateResultFeature>(
            new TestAuthenticateResultFeature(AuthenticateResult.Fail("The token is expired.")));

        var error = await Assert.ThrowsAsync<RpcException>(() => Call(context));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("The bearer token was refused: The token is expired.", error.Status.Detail);
    }

    [Fact]
    public async Task An_anonymous_health_check_is_let_through()
    {
        var calls = 0;

        await Call(new HttpServerCallContext(HealthCheck), () => calls++);

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_monitoring_caller_updating_a_status_is_denied_naming_the_roles_needed()
    {
        var monitoring = TestCallers.Authenticated("dashboard", Roles.Monitoring);
        var calls = 0;

        var error = await Assert.ThrowsAsync<RpcException>(() => Call(new HttpServerCallContext(UpdateStatus, monitoring), () => calls++));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains(Roles.ProgrammManagement, error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(Roles.ItDienstleister, error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains($"the token has {Roles.Monitoring}", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, calls);
    }

    [Theory]
    [InlineData(Roles.ProgrammManagement)]
    [InlineData(Roles.ItDienstleister)]
    public async Task A_reporting_role_may_update_a_status(string role)
    {
        var calls = 0;

        await Call(new HttpServerCallContext(UpdateStatus, TestCallers.Authenticated("reporter", role)), () => calls++);

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_method_missing_from_the_access_table_is_denied_even_to_the_programme_management()
    {
        var management = TestCallers.Authenticated("fitko", Roles.ProgrammManagement);

        var error = await Assert.ThrowsAsync<RpcException>(() => Call(new HttpServerCallContext("/ozg.v1.LeistungService/DeleteEverything", management)));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("not open to any role", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_caller_of_a_server_stream_is_unauthenticated_before_the_stream_starts()
    {
        var calls = 0;

        var error = await Assert.ThrowsAsync<RpcException>(() => _interceptor.ServerStreamingServerHandler<WatchProgrammeRequest, WatchProgrammeResponse>(
            new WatchProgrammeRequest(),
            null!,
            new HttpServerCallContext("/ozg.v1.MonitoringService/WatchProgramme"),
            (_, _, _) =>
            {
                calls++;
                return Task.CompletedTask;
            }));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(0, calls);
    }

    private static HostingEnvironment In(string environment) => new() { EnvironmentName = environment };

    private Task<GetLeistungResponse> Call(ServerCallContext context, Action? onHandled = null, AccessInterceptor? interceptor = null) =>
        (interceptor ?? _interceptor).UnaryServerHandler(
            new GetLeistungRequest { OzgId = 10000 },
            context,
            (_, _) =>
            {
                onHandled?.Invoke();
                return Task.FromResult(new GetLeistungResponse());
            });
}

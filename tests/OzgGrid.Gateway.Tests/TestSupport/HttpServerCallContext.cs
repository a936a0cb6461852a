using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace OzgGrid.Gateway.Tests.TestSupport;

/// <summary>
/// A server call context for unit tests of interceptors that read the caller or the deadline: no server, but an
/// <see cref="HttpContext"/> carrying the given user where grpc-dotnet's <c>GetHttpContext()</c> looks for it.
/// </summary>
public sealed class HttpServerCallContext : ServerCallContext
{
    // The UserState key grpc-dotnet's GetHttpContext() reads when the context is not one of its own.
    private const string HttpContextKey = "__HttpContext";

    private readonly string _method;
    private readonly DateTime _deadline;
    private readonly CancellationToken _cancellationToken;
    private readonly Metadata _requestHeaders = [];
    private readonly Metadata _responseTrailers = [];

    /// <param name="method">The full method name, e.g. "/ozg.v1.LeistungService/GetLeistung".</param>
    /// <param name="user">The caller; anonymous when null.</param>
    /// <param name="deadline">The call's deadline (UTC); none when null.</param>
    /// <param name="cancellationToken">Cancelled when the call is.</param>
    public HttpServerCallContext(
        string method, ClaimsPrincipal? user = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
    {
        _method = method;
        _deadline = deadline ?? DateTime.MaxValue;
        _cancellationToken = cancellationToken;
        HttpContext = new DefaultHttpContext { User = user ?? TestCallers.Anonymous() };
        UserState[HttpContextKey] = HttpContext;
    }

    /// <summary>The HTTP context the interceptors see, e.g. to add an authentication feature.</summary>
    public DefaultHttpContext HttpContext { get; }

    protected override string MethodCore => _method;

    protected override string HostCore => "localhost";

    protected override string PeerCore => "ipv4:127.0.0.1:50000";

    protected override DateTime DeadlineCore => _deadline;

    protected override Metadata RequestHeadersCore => _requestHeaders;

    protected override CancellationToken CancellationTokenCore => _cancellationToken;

    protected override Metadata ResponseTrailersCore => _responseTrailers;

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore => new(null, []);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException("Tests do not propagate calls.");

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}

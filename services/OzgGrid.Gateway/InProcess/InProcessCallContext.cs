using System.Net.Sockets;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace OzgGrid.Gateway.InProcess;

/// <summary>
/// The call context of a gateway service called from inside the host: it names the method, the request's caller and
/// cancellation, and carries the <see cref="HttpContext"/> where grpc-dotnet's <c>GetHttpContext()</c> looks for it, so
/// that the interceptors see the caller as they see a gRPC client's.
/// </summary>
internal sealed class InProcessCallContext : ServerCallContext
{
    // The UserState key grpc-dotnet's GetHttpContext() reads when the context is not one of its own.
    private const string HttpContextKey = "__HttpContext";

    private readonly string _method;
    private readonly HttpContext _http;
    private readonly Metadata _requestHeaders = [];
    private readonly Metadata _responseTrailers = [];
    private readonly AuthContext _authContext = new(null, []);

    public InProcessCallContext(string method, HttpContext http)
    {
        _method = method;
        _http = http;
        UserState[HttpContextKey] = http;
    }

    protected override string MethodCore => _method;

    protected override string HostCore => _http.Request.Host.Value ?? "in-process";

    /// <summary>The caller's address without its port: anonymous callers are rate-limited per address, not per connection.</summary>
    protected override string PeerCore => _http.Connection.RemoteIpAddress is { } address
        ? $"{(address.AddressFamily == AddressFamily.InterNetworkV6 ? "ipv6" : "ipv4")}:{address}"
        : "in-process";

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore => _requestHeaders;

    protected override CancellationToken CancellationTokenCore => _http.RequestAborted;

    protected override Metadata ResponseTrailersCore => _responseTrailers;

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore => _authContext;

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException("In-process calls do not start further calls.");

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}

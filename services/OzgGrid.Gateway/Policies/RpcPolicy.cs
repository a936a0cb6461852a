using Google.Protobuf.Reflection;

namespace OzgGrid.Gateway.Policies;

/// <summary>
/// What the gateway applies to one RPC: who may call it (anonymously, or with one of <see cref="Roles"/>), how long it
/// may take and what it is counted as.
/// </summary>
/// <param name="AnonymousInDevelopment">Also without a token in the Development environment; elsewhere open to <paramref name="Roles"/>.</param>
public sealed record RpcPolicy(
    MethodDescriptor Method, bool Anonymous, IReadOnlyList<string> Roles, TimeoutClass Timeout, RpcMetric Metric, bool AnonymousInDevelopment = false)
{
    /// <summary>Whether a call without a token is served in this environment.</summary>
    public bool IsAnonymousIn(bool isDevelopment) => Anonymous || (isDevelopment && AnonymousInDevelopment);

    /// <summary>The method as <c>ServerCallContext.Method</c> names it, e.g. "/ozg.v1.LeistungService/GetLeistung".</summary>
    public string Path { get; } = PathOf(Method);

    public static string PathOf(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";
}

using Grpc.Core;

namespace OzgGrid.Gateway.Identity;

/// <summary>Who is calling: the one place the gateway reads the caller's identity, recorded as "changed by".</summary>
public static class CallerIdentity
{
    /// <summary>Recorded while callers do not authenticate.</summary>
    public const string Anonymous = "anonymous";

    public static string GetCallerName(this ServerCallContext context)
    {
        var name = context.GetHttpContext().User.Identity?.Name;
        return string.IsNullOrWhiteSpace(name) ? Anonymous : name;
    }
}

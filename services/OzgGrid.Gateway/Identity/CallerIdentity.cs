using Grpc.Core;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Abstractions.Dienstleister;

namespace OzgGrid.Gateway.Identity;

/// <summary>Who is calling: the one place the gateway reads the caller's identity, recorded as "changed by".</summary>
public static class CallerIdentity
{
    /// <summary>The authenticated subject (claim "sub"); the access check has made sure there is one.</summary>
    public static string GetCallerName(this ServerCallContext context) =>
        context.GetHttpContext().User.Identity?.Name is { Length: > 0 } name ? name : "unknown";

    /// <summary>
    /// Who counts as one caller for the per-caller limits (rate, open streams): an IT-Dienstleister as an organisation
    /// (however many tokens it holds), another token by its subject, a caller without a token by its address.
    /// </summary>
    public static string CallerKey(this ServerCallContext context)
    {
        var http = context.GetHttpContext();
        return AccessTokens.ItDienstleisterOf(http.User) is { } itDienstleister ? $"itdl:{itDienstleister}"
            : http.User.Identity?.Name is { Length: > 0 } subject ? $"sub:{subject}"
            : $"addr:{http.Connection.RemoteIpAddress?.ToString() ?? context.Peer}";
    }

    /// <summary>
    /// The write command for this caller. An IT-Dienstleister's writes carry its scope (its id and the Länder the registry
    /// says it serves), which the Leistung checks against its assignment.
    /// </summary>
    public static async Task<WriteCommand> WriteCommandAsync(
        this ServerCallContext context, IGrainFactory grains, string requestId, long? expectedVersion)
    {
        var command = RequestGuard.WriteCommand(requestId, expectedVersion, context.GetCallerName());
        var user = context.GetHttpContext().User;
        if (user.IsInRole(Roles.ProgrammManagement) || !user.IsInRole(Roles.ItDienstleister))
        {
            return command;
        }

        var id = AccessTokens.ItDienstleisterOf(user)
            ?? throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"A token of role {Roles.ItDienstleister} must name the IT-Dienstleister in claim \"{AccessTokens.ItDienstleisterClaim}\"."));
        var registered = ItDienstleisterRules.IsValidId(id) ? await grains.GetGrain<IItDienstleisterGrain>(id).FindAsync() : null;
        if (registered is null)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"IT-Dienstleister {RequestGuard.Quote(id)} named in the token is not registered; the programme management registers it."));
        }

        if (registered.Deactivated)
        {
            throw ItDienstleisterStanding.Refusal(id);
        }

        return command with { Scope = new ItDienstleisterScope(id, registered.Laender) };
    }
}

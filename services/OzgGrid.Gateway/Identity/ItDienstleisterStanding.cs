using System.Collections.Concurrent;
using System.Security.Claims;
using Grpc.Core;
using OzgGrid.Gateway.Validation;
using OzgGrid.Grains.Abstractions.Dienstleister;

namespace OzgGrid.Gateway.Identity;

/// <summary>
/// Whether the IT-Dienstleister a token names is deactivated. Read from its record at most <see cref="MaxAge"/>
/// old, so that a deactivation shuts it out within that time without a grain call on every one of its many calls.
/// </summary>
public sealed class ItDienstleisterStanding(IGrainFactory grains)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMilliseconds(500);

    // Ids come only from validly signed tokens, so the map holds no more than the ids the programme hands out.
    // Monotonic milliseconds, not the host's TimeProvider: a test's frozen programme clock must not freeze this.
    private readonly ConcurrentDictionary<string, (bool Deactivated, long ReadAtMs)> _known = new(StringComparer.Ordinal);

    /// <summary>The refusal for every call with a token of a deactivated IT-Dienstleister.</summary>
    public static RpcException Refusal(string id) => new(new Status(StatusCode.PermissionDenied,
        $"IT-Dienstleister {RequestGuard.Quote(id)} named in the token is deactivated; the programme management can reactivate it."));

    /// <exception cref="RpcException">PERMISSION_DENIED: the token names a deactivated IT-Dienstleister.</exception>
    public async ValueTask EnsureNotDeactivatedAsync(ClaimsPrincipal user)
    {
        if (!user.IsInRole(Roles.ItDienstleister) || AccessTokens.ItDienstleisterOf(user) is not { } id || !ItDienstleisterRules.IsValidId(id))
        {
            return;
        }

        var now = Environment.TickCount64;
        if (!_known.TryGetValue(id, out var known) || now - known.ReadAtMs > MaxAge.TotalMilliseconds)
        {
            // The time of asking, not of the answer: the answer is at most MaxAge older than the moment it is used.
            var registered = await grains.GetGrain<IItDienstleisterGrain>(id).FindAsync();
            known = (registered?.Deactivated == true, now);
            _known[id] = known;
        }

        if (known.Deactivated)
        {
            throw Refusal(id);
        }
    }
}

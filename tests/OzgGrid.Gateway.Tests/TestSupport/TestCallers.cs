using System.Security.Claims;
using OzgGrid.Gateway.Identity;

namespace OzgGrid.Gateway.Tests.TestSupport;

/// <summary>Callers as the JWT bearer handler presents them after validating a token: name claim "sub", role claim "role".</summary>
public static class TestCallers
{
    public const string AuthenticationType = "Bearer";

    /// <summary>No token: an identity that is not authenticated.</summary>
    public static ClaimsPrincipal Anonymous() => new(new ClaimsIdentity());

    public static ClaimsPrincipal Authenticated(string subject, string role, string? itDienstleister = null)
    {
        var claims = new List<Claim> { new("sub", subject), new(AccessTokens.RoleClaim, role) };
        if (itDienstleister is not null)
        {
            claims.Add(new Claim(AccessTokens.ItDienstleisterClaim, itDienstleister));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, "sub", AccessTokens.RoleClaim));
    }
}

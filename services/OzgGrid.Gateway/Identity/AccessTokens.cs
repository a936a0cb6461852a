using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OzgGrid.Gateway.Identity;

/// <summary>Issues bearer tokens the gateway accepts: for operators (`./ozg token`), tests and benchmarks.</summary>
public static class AccessTokens
{
    public const string RoleClaim = "role";
    public const string ItDienstleisterClaim = "ozg_itdl";

    /// <exception cref="ArgumentOutOfRangeException">The lifetime exceeds <see cref="AuthOptions.MaxTokenLifetime"/>: the gateway would refuse the token.</exception>
    public static string Issue(AuthOptions options, string subject, string role, string? itDienstleister, TimeSpan lifetime, DateTimeOffset now)
    {
        if (lifetime > options.MaxTokenLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime,
                $"A token may be valid for at most {options.MaxTokenLifetime} ({AuthOptions.Section}:MaxTokenLifetime).");
        }

        var claims = new Dictionary<string, object> { [JwtRegisteredClaimNames.Sub] = subject, [RoleClaim] = role };
        if (itDienstleister is not null)
        {
            claims[ItDienstleisterClaim] = itDienstleister;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(options.SecurityKeys()[0], SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static TokenValidationParameters ValidationParameters(AuthOptions options) => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        IssuerSigningKeys = options.SecurityKeys(),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = JwtRegisteredClaimNames.Sub,
        RoleClaimType = RoleClaim,
        ClockSkew = TimeSpan.FromSeconds(30),
        RequireExpirationTime = true,
        LifetimeValidator = TokenLifetime.Validator(options.MaxTokenLifetime),
    };

    /// <summary>
    /// The gateway's parameters: the keys are asked of <paramref name="ring"/> at each validation, so that a changed
    /// configuration is followed; none are fixed in the parameters, which would be tried as well.
    /// </summary>
    public static TokenValidationParameters ValidationParameters(AuthOptions options, SigningKeyRing ring)
    {
        var parameters = ValidationParameters(options);
        parameters.IssuerSigningKeys = [];
        parameters.IssuerSigningKeyResolver = (_, _, _, _) => ring.Current;
        return parameters;
    }

    public static string? ItDienstleisterOf(ClaimsPrincipal user) => user.FindFirst(ItDienstleisterClaim)?.Value;
}

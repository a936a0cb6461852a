using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OzgGrid.Gateway.Identity;

/// <summary>
/// The gateway's lifetime check: the usual expiry and not-before checks, and a token may not be valid for longer than
/// <see cref="AuthOptions.MaxTokenLifetime"/>, so a leaked token cannot be used for months.
/// </summary>
public static class TokenLifetime
{
    public static LifetimeValidator Validator(TimeSpan maxLifetime) => (notBefore, expires, token, parameters) =>
    {
        if (expires is not { } expiry)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiry (claim \"exp\"); every token must expire.");
        }

        // The standard checks (expired, not yet valid), without this delegate so that they do not call it again.
        var standard = parameters.Clone();
        standard.LifetimeValidator = null;
        Validators.ValidateLifetime(notBefore, expires, token, standard);

        var issuedAt = token is JsonWebToken { IssuedAt: var iat } && iat != DateTime.MinValue ? iat : (DateTime?)null;
        var start = Earliest(notBefore, issuedAt) ?? DateTime.UtcNow;
        if (expiry - start > maxLifetime)
        {
            throw new SecurityTokenInvalidLifetimeException(
                $"The token is valid for {Describe(expiry - start)} (from \"iat\"/\"nbf\" to \"exp\"); at most {Describe(maxLifetime)} are accepted "
                + $"({AuthOptions.Section}:MaxTokenLifetime). Issue a shorter-lived token.");
        }

        return true;
    };

    private static DateTime? Earliest(DateTime? a, DateTime? b) => (a, b) switch
    {
        ({ } x, { } y) => x < y ? x : y,
        _ => a ?? b,
    };

    private static string Describe(TimeSpan span) => span.TotalHours >= 1 ? $"{span.TotalHours:0.##} h" : $"{span.TotalMinutes:0.##} min";
}

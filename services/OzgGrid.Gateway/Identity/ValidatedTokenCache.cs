using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OzgGrid.Gateway.Identity;

/// <summary>
/// The gateway's token handler: an IT-Dienstleister sends the same bearer token with thousands of calls, so a token
/// is validated (signature, issuer, audience, lifetime) once and then recognised by its exact text until it expires.
/// Only valid tokens are kept, never past their <c>exp</c>, and at most <see cref="Capacity"/> of them. The
/// validation parameters are the gateway's one set, so the token text is the key; only the signing keys may change
/// meanwhile (<see cref="SigningKeyRing"/>), so a token is recognised only while the key it was signed with is honoured.
/// </summary>
public sealed class ValidatedTokenCache(TokenHandler inner, TimeProvider clock) : TokenHandler, IDisposable
{
    public const int Capacity = 10_000;

    private readonly MemoryCache _valid = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public ValidatedTokenCache(TimeProvider clock)
        : this(new JsonWebTokenHandler(), clock)
    {
    }

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_valid.TryGetValue(token, out TokenValidationResult? known) && known is not null && known.SecurityToken.ValidTo > now
            && IsStillHonoured(known.SecurityToken, token, validationParameters))
        {
            return new TokenValidationResult
            {
                IsValid = true,
                SecurityToken = known.SecurityToken,
                // Each request gets its own identity, so that nothing one request does to it reaches another.
                ClaimsIdentity = known.ClaimsIdentity.Clone(),
                Issuer = known.Issuer,
                TokenType = known.TokenType,
            };
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken.ValidTo > now)
        {
            _valid.Set(token, result, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = result.SecurityToken.ValidTo });
        }

        return result;
    }

    private static bool IsStillHonoured(SecurityToken validated, string token, TokenValidationParameters parameters)
    {
        var keys = parameters.IssuerSigningKeyResolver?.Invoke(token, validated, validated.SigningKey?.KeyId, parameters)
            ?? parameters.IssuerSigningKeys
            ?? [];
        return validated.SigningKey is { } used && SigningKeyRing.Contains(keys, used);
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    public void Dispose() => _valid.Dispose();
}

using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace OzgGrid.Gateway.Identity;

/// <summary>How bearer tokens are validated and issued (section OzgGrid:Auth).</summary>
public sealed class AuthOptions
{
    public const string Section = "OzgGrid:Auth";

    /// <summary>
    /// The key in appsettings.Development.json, public in this repository: for local use only. A silo outside the
    /// Development environment refuses to start with it.
    /// </summary>
    public const string DevelopmentKey = "REVWRUxPUE1FTlQtT05MWS1vemdncmlkLXNpZ25pbmcta2V5LTIwMjYtZG8tbm90LXVzZQ==";

    public string Issuer { get; set; } = "ozggrid";

    public string Audience { get; set; } = "ozggrid";

    /// <summary>
    /// Base64 HMAC-SHA256 keys of at least 32 bytes. Tokens signed with any of them are accepted; new tokens are signed
    /// with the first. Rotate by adding the new key first, and removing the old one once its tokens have expired.
    /// </summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>
    /// The longest a token may be valid, from its "iat"/"nbf" to its "exp": a longer-lived one is refused, and none is
    /// issued. Short lifetimes bound what a leaked token can do.
    /// </summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    public IReadOnlyList<SecurityKey> SecurityKeys() => [.. SigningKeys.Select(key => new SymmetricSecurityKey(Convert.FromBase64String(key)))];

    /// <summary>A fresh random key, e.g. for tests or a first production setup.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <exception cref="InvalidOperationException">The configuration cannot be used in this environment.</exception>
    public void EnsureUsable(bool isDevelopment)
    {
        if (SigningKeys.Count == 0)
        {
            throw new InvalidOperationException(
                $"{Section}:SigningKeys is empty: configure at least one base64 key of 32 bytes or more (see README, Authentication).");
        }

        if (MaxTokenLifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Section}:MaxTokenLifetime must be positive, e.g. 24:00:00.");
        }

        foreach (var key in SigningKeys)
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(key);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{Section}:SigningKeys holds a value that is not base64.");
            }

            if (bytes.Length < 32)
            {
                throw new InvalidOperationException($"{Section}:SigningKeys holds a key of {bytes.Length} bytes; at least 32 are needed.");
            }
        }

        // Compared as bytes: base64 ignores whitespace, so the same key could hide behind a trailing newline.
        var developmentKey = Convert.FromBase64String(DevelopmentKey);
        if (!isDevelopment && SigningKeys.Any(key => Convert.FromBase64String(key).AsSpan().SequenceEqual(developmentKey)))
        {
            throw new InvalidOperationException(
                $"Refusing to start: {Section}:SigningKeys contains the public development key, and the environment is not Development.");
        }
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace OzgGrid.Gateway.Identity;

/// <summary>
/// The signing keys the gateway honours now: <see cref="AuthOptions.SigningKeys"/> as configured, followed when the
/// configuration changes (a rewritten settings file), so that a removed key stops working and an added one starts
/// without a restart. A changed configuration that is not usable is logged and ignored; the keys before it stay.
/// </summary>
public sealed class SigningKeyRing : IDisposable
{
    private readonly bool _isDevelopment;
    private readonly ILogger<SigningKeyRing> _logger;
    private readonly IDisposable? _subscription;
    private volatile IReadOnlyList<SecurityKey> _keys;

    /// <param name="atStartup">The settings the host was started with, already checked to be usable.</param>
    public SigningKeyRing(AuthOptions atStartup, IOptionsMonitor<AuthOptions> options, bool isDevelopment, ILogger<SigningKeyRing> logger)
    {
        _isDevelopment = isDevelopment;
        _logger = logger;
        _keys = atStartup.SecurityKeys();
        _subscription = options.OnChange(Reload);

        // The configuration may have changed between the start and now; an unusable change keeps the start's keys.
        Reload(options.CurrentValue);
    }

    public IReadOnlyList<SecurityKey> Current => _keys;

    public void Dispose() => _subscription?.Dispose();

    private void Reload(AuthOptions changed)
    {
        try
        {
            changed.EnsureUsable(_isDevelopment);
        }
        catch (InvalidOperationException unusable)
        {
            _logger.LogError("The changed {Section} is not usable, the signing keys stay as they were: {Reason}", AuthOptions.Section, unusable.Message);
            return;
        }

        var keys = changed.SecurityKeys();
        if (keys.Count != _keys.Count || !keys.All(key => Contains(_keys, key)))
        {
            _logger.LogWarning("{Section}:SigningKeys changed: {Count} key(s) are honoured from now on", AuthOptions.Section, keys.Count);
        }

        _keys = keys;
    }

    /// <summary>Whether <paramref name="keys"/> holds the same key material as <paramref name="key"/>.</summary>
    public static bool Contains(IEnumerable<SecurityKey> keys, SecurityKey key) =>
        key is SymmetricSecurityKey wanted
        && keys.OfType<SymmetricSecurityKey>().Any(candidate => candidate.Key.AsSpan().SequenceEqual(wanted.Key));
}

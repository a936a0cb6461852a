using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OzgGrid.Gateway.Identity;

namespace OzgGrid.Gateway.Tests.Identity;

public sealed class ValidatedTokenCacheTests
{
    private readonly AuthOptions _options = new() { SigningKeys = [AuthOptions.NewKey()] };
    private readonly CountingHandler _inner = new();
    private readonly SettableClock _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_valid_token_is_validated_once_and_then_recognised_with_an_identity_per_request()
    {
        using var cache = new ValidatedTokenCache(_inner, _clock);
        var token = Issue(TimeSpan.FromHours(1));

        var first = await cache.ValidateTokenAsync(token, Parameters());
        var second = await cache.ValidateTokenAsync(token, Parameters());

        Assert.True(first.IsValid, first.Exception?.Message);
        Assert.True(second.IsValid);
        Assert.Equal(1, _inner.Validations);
        Assert.Equal("itdl-1", second.ClaimsIdentity.Name);
        Assert.Equal(Roles.ItDienstleister, second.ClaimsIdentity.FindFirst(AccessTokens.RoleClaim)?.Value);
        Assert.Equal("dataport", second.ClaimsIdentity.FindFirst(AccessTokens.ItDienstleisterClaim)?.Value);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
    }

    [Fact]
    public async Task A_refused_token_is_checked_again_on_every_call()
    {
        using var cache = new ValidatedTokenCache(_inner, _clock);
        var token = Issue(TimeSpan.FromHours(1));
        var otherKey = Parameters(new AuthOptions { SigningKeys = [AuthOptions.NewKey()] });

        var first = await cache.ValidateTokenAsync(token, otherKey);
        var second = await cache.ValidateTokenAsync(token, otherKey);

        Assert.False(first.IsValid);
        Assert.False(second.IsValid);
        Assert.Equal(2, _inner.Validations);
    }

    [Fact]
    public async Task A_token_is_not_recognised_from_memory_once_it_has_expired()
    {
        using var cache = new ValidatedTokenCache(_inner, _clock);
        var token = Issue(TimeSpan.FromMinutes(5));
        Assert.True((await cache.ValidateTokenAsync(token, Parameters())).IsValid);

        _clock.Now += TimeSpan.FromMinutes(6);
        await cache.ValidateTokenAsync(token, Parameters());

        Assert.Equal(2, _inner.Validations);
    }

    [Fact]
    public async Task A_recognised_token_is_refused_once_its_signing_key_is_no_longer_honoured()
    {
        using var cache = new ValidatedTokenCache(_inner, _clock);
        var token = Issue(TimeSpan.FromHours(1));
        IReadOnlyList<SecurityKey> honoured = _options.SecurityKeys();
        var parameters = Parameters();
        parameters.IssuerSigningKeys = [];
        parameters.IssuerSigningKeyResolver = (_, _, _, _) => honoured;
        Assert.True((await cache.ValidateTokenAsync(token, parameters)).IsValid);

        honoured = new AuthOptions { SigningKeys = [AuthOptions.NewKey()] }.SecurityKeys();
        var afterRemoval = await cache.ValidateTokenAsync(token, parameters);

        Assert.False(afterRemoval.IsValid);
        Assert.Equal(2, _inner.Validations);
    }

    private string Issue(TimeSpan lifetime) =>
        AccessTokens.Issue(_options, "itdl-1", Roles.ItDienstleister, "dataport", lifetime, _clock.GetUtcNow());

    private TokenValidationParameters Parameters(AuthOptions? options = null) => AccessTokens.ValidationParameters(options ?? _options);

    private sealed class CountingHandler : JsonWebTokenHandler
    {
        private int _validations;

        public int Validations => Volatile.Read(ref _validations);

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Interlocked.Increment(ref _validations);
            return base.ValidateTokenAsync(token, validationParameters);
        }
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

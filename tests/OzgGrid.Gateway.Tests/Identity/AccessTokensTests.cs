using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OzgGrid.Gateway.Identity;

namespace OzgGrid.Gateway.Tests.Identity;

public sealed class AccessTokensTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly string _keyA = AuthOptions.NewKey();
    private readonly string _keyB = AuthOptions.NewKey();

    [Fact]
    public async Task A_token_validates_against_the_key_it_was_signed_with()
    {
        var token = Issue(_keyA, "alice", Roles.Monitoring);

        var result = await Validate(token, _keyA);

        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task A_token_signed_with_the_old_key_still_validates_after_a_new_key_is_put_first()
    {
        var token = Issue(_keyA, "alice", Roles.Monitoring);

        var result = await Validate(token, _keyB, _keyA);

        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task A_token_signed_with_a_removed_key_is_refused()
    {
        var token = Issue(_keyA, "alice", Roles.Monitoring);

        var result = await Validate(token, _keyB);

        Assert.False(result.IsValid);
        Assert.IsAssignableFrom<SecurityTokenSignatureKeyNotFoundException>(result.Exception);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var token = Issue(_keyA, "alice", Roles.Monitoring, now: DateTimeOffset.UtcNow - (2 * Hour));

        var result = await Validate(token, _keyA);

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(result.Exception);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        var options = new AuthOptions { SigningKeys = [_keyA], Audience = "someone-else" };
        var token = AccessTokens.Issue(options, "alice", Roles.Monitoring, null, Hour, DateTimeOffset.UtcNow);

        var result = await Validate(token, _keyA);

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Subject_role_and_it_dienstleister_come_back_from_a_validated_token_with_sub_as_the_name()
    {
        var token = Issue(_keyA, "itdl-nrw-importer", Roles.ItDienstleister, itDienstleister: "it-nrw");

        var result = await Validate(token, _keyA);

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(JwtRegisteredClaimNames.Sub, result.ClaimsIdentity.NameClaimType);
        Assert.Equal("itdl-nrw-importer", result.ClaimsIdentity.Name);
        var user = new ClaimsPrincipal(result.ClaimsIdentity);
        Assert.True(user.IsInRole(Roles.ItDienstleister));
        Assert.False(user.IsInRole(Roles.ProgrammManagement));
        Assert.Equal("it-nrw", AccessTokens.ItDienstleisterOf(user));
    }

    [Fact]
    public async Task A_token_without_an_it_dienstleister_carries_no_ozg_itdl_claim()
    {
        var token = Issue(_keyA, "fitko", Roles.ProgrammManagement);

        var result = await Validate(token, _keyA);

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Null(AccessTokens.ItDienstleisterOf(new ClaimsPrincipal(result.ClaimsIdentity)));
    }

    [Fact]
    public async Task A_token_valid_for_longer_than_the_maximum_lifetime_is_refused_saying_so()
    {
        var now = DateTimeOffset.UtcNow;
        var token = new JsonWebTokenHandler().CreateToken(Descriptor(_keyA, now, expires: now + TimeSpan.FromHours(48)));

        var result = await Validate(token, _keyA);

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenInvalidLifetimeException>(result.Exception);
        Assert.Contains("MaxTokenLifetime", result.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_an_expiry_is_refused()
    {
        var descriptor = Descriptor(_keyA, DateTimeOffset.UtcNow, expires: null);
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);

        var result = await Validate(token, _keyA);

        Assert.False(result.IsValid);
        Assert.IsAssignableFrom<SecurityTokenNoExpirationException>(result.Exception);
    }

    [Fact]
    public async Task A_token_of_exactly_the_maximum_lifetime_is_accepted()
    {
        var now = DateTimeOffset.UtcNow;
        var token = AccessTokens.Issue(new AuthOptions { SigningKeys = [_keyA] }, "alice", Roles.Monitoring, null, TimeSpan.FromHours(24), now);

        var result = await Validate(token, _keyA);

        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public void No_token_is_issued_for_longer_than_the_maximum_lifetime()
    {
        var options = new AuthOptions { SigningKeys = [_keyA], MaxTokenLifetime = TimeSpan.FromHours(8) };

        Assert.Throws<ArgumentOutOfRangeException>(
            () => AccessTokens.Issue(options, "alice", Roles.Monitoring, null, TimeSpan.FromHours(9), DateTimeOffset.UtcNow));
    }

    private static SecurityTokenDescriptor Descriptor(string key, DateTimeOffset now, DateTimeOffset? expires) => new()
    {
        Issuer = "ozggrid",
        Audience = "ozggrid",
        Claims = new Dictionary<string, object> { [JwtRegisteredClaimNames.Sub] = "alice", [AccessTokens.RoleClaim] = Roles.Monitoring },
        IssuedAt = now.UtcDateTime,
        NotBefore = now.UtcDateTime,
        Expires = expires?.UtcDateTime,
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(key)), SecurityAlgorithms.HmacSha256),
    };

    private static string Issue(string key, string subject, string role, string? itDienstleister = null, DateTimeOffset? now = null) =>
        AccessTokens.Issue(new AuthOptions { SigningKeys = [key] }, subject, role, itDienstleister, Hour, now ?? DateTimeOffset.UtcNow);

    private static Task<TokenValidationResult> Validate(string token, params string[] keys) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, AccessTokens.ValidationParameters(new AuthOptions { SigningKeys = [.. keys] }));
}

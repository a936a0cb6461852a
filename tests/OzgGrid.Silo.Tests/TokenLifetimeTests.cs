using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OzgGrid.Gateway.Identity;
using OzgGrid.Protos.V1;
using OzgGrid.Silo.Tests.Hosting;

namespace OzgGrid.Silo.Tests;

/// <summary>Over real gRPC: a token valid for longer than the maximum lifetime, or for ever, is refused saying why.</summary>
[Collection(GatewayCollection.Name)]
public sealed class TokenLifetimeTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_token_valid_for_two_days_is_unauthenticated_naming_the_maximum_lifetime()
    {
        var now = DateTimeOffset.UtcNow;

        var refused = await CallWithAsync(Token(now, now + TimeSpan.FromDays(2)));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("MaxTokenLifetime", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_an_expiry_is_unauthenticated_saying_it_must_expire()
    {
        var refused = await CallWithAsync(Token(DateTimeOffset.UtcNow, expires: null));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("exp", refused.Status.Detail, StringComparison.Ordinal);
    }

    private async Task<RpcException> CallWithAsync(string token) =>
        await Assert.ThrowsAsync<RpcException>(() => new ThemenfeldService.ThemenfeldServiceClient(fixture.Host.ChannelWithToken(token))
            .ListThemenfelderAsync(new ListThemenfelderRequest()).ResponseAsync);

    private string Token(DateTimeOffset issued, DateTimeOffset? expires)
    {
        var auth = fixture.Host.Scope.Auth;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            Claims = new Dictionary<string, object> { [JwtRegisteredClaimNames.Sub] = "long-lived", [AccessTokens.RoleClaim] = Roles.Monitoring },
            IssuedAt = issued.UtcDateTime,
            NotBefore = issued.UtcDateTime,
            Expires = expires?.UtcDateTime,
            SigningCredentials = new SigningCredentials(auth.SecurityKeys()[0], SecurityAlgorithms.HmacSha256),
        });
    }
}

using Grpc.Core;
using Grpc.Net.Client;
using OzgGrid.Gateway.Identity;

namespace OzgGrid.Benchmarks.Hosting;

/// <summary>gRPC channels whose calls carry a bearer token signed with a benchmark's own key.</summary>
public static class TokenChannel
{
    /// <summary>How long the tokens stay valid: longer than any benchmark.</summary>
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(12);

    /// <summary>
    /// A channel to <paramref name="address"/> (its own HTTP/2 connection) whose calls carry a token of
    /// <paramref name="role"/> (see <see cref="Roles"/>) signed with <paramref name="auth"/>; the caller disposes it.
    /// <paramref name="reconnectBackoff"/>, when given, is how long the channel waits before it connects again after a
    /// failed attempt (by default from 1 s upwards, growing).
    /// </summary>
    public static GrpcChannel Create(Uri address, AuthOptions auth, string role, string subject, TimeSpan? reconnectBackoff = null)
    {
        var token = AccessTokens.Issue(auth, subject, role, itDienstleister: null, TokenLifetime, DateTimeOffset.UtcNow);
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("Authorization", $"Bearer {token}");
            return Task.CompletedTask;
        });
        var options = new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true,
        };
        if (reconnectBackoff is { } backoff)
        {
            options.InitialReconnectBackoff = backoff;
            options.MaxReconnectBackoff = backoff;
        }

        return GrpcChannel.ForAddress(address, options);
    }

    /// <summary>Settings for a host of a benchmark's own: a fresh issuer and signing key.</summary>
    public static AuthOptions NewAuth() => new() { Issuer = $"ozgbench-{Guid.NewGuid():N}", SigningKeys = [AuthOptions.NewKey()] };
}

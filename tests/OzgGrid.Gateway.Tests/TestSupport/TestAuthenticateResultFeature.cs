using Microsoft.AspNetCore.Authentication;

namespace OzgGrid.Gateway.Tests.TestSupport;

/// <summary>What the authentication middleware leaves on the HTTP context, e.g. why a bearer token was refused.</summary>
public sealed class TestAuthenticateResultFeature(AuthenticateResult result) : IAuthenticateResultFeature
{
    public AuthenticateResult? AuthenticateResult { get; set; } = result;
}

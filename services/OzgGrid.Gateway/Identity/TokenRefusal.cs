using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace OzgGrid.Gateway.Identity;

/// <summary>
/// Keeps why a bearer token was refused, for the access check to tell the caller: ASP.NET Core records only a
/// successful authentication on the request.
/// </summary>
public sealed class TokenRefusal(AuthenticateResult result) : IAuthenticateResultFeature
{
    public AuthenticateResult? AuthenticateResult { get; set; } = result;

    public static Task RecordAsync(AuthenticationFailedContext context)
    {
        context.HttpContext.Features.Set<IAuthenticateResultFeature>(new TokenRefusal(AuthenticateResult.Fail(context.Exception)));
        return Task.CompletedTask;
    }
}

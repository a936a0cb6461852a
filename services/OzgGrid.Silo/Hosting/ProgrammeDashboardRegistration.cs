using Microsoft.AspNetCore.Authentication.JwtBearer;
using OzgGrid.Gateway.Identity;
using OzgGrid.Web;

namespace OzgGrid.Silo.Hosting;

/// <summary>
/// The live programme page under /programm on the operations endpoint: open by default (it only reads what the
/// Dashboard Digitale Verwaltung publishes), or with OzgGrid:ProgrammeDashboard:RequireToken only with a bearer token of
/// any gateway role.
/// </summary>
public static class ProgrammeDashboardRegistration
{
    public const string Policy = "programme-dashboard";

    public static WebApplicationBuilder AddOzgGridProgrammeDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddProgrammeDashboardReads(builder.Configuration);
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
            .RequireRole(Roles.All));
        return builder;
    }

    public static WebApplication MapOzgGridProgrammeDashboard(this WebApplication app)
    {
        var options = Options(app.Configuration);
        if (!options.Enabled)
        {
            return app;
        }

        var page = app.MapProgrammeDashboard().WithMetadata(OperationsListenerOnly.Instance);
        if (options.RequireToken)
        {
            page.RequireAuthorization(Policy);
        }

        return app;
    }

    private static ProgrammeDashboardOptions Options(IConfiguration configuration) =>
        configuration.GetSection(ProgrammeDashboardOptions.Section).Get<ProgrammeDashboardOptions>() ?? new();
}

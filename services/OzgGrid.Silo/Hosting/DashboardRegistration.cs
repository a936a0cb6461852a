using Microsoft.AspNetCore.Authentication.JwtBearer;
using Orleans.Dashboard;
using OzgGrid.Gateway.Identity;

namespace OzgGrid.Silo.Hosting;

/// <summary>
/// The Orleans Dashboard under /dashboard on the operations endpoint, when enabled (<see cref="DashboardHostingOptions"/>):
/// open in the Development environment, otherwise only with a bearer token of role programm-management (the gateway's
/// tokens; a proxy in front adds the header).
/// </summary>
public static class DashboardRegistration
{
    public const string Path = "/dashboard";
    /// <summary>Role programm-management by bearer token: the dashboard's and the metrics' policy outside Development.</summary>
    public const string Policy = "operations";

    public static WebApplicationBuilder AddOzgGridDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
            .RequireRole(Roles.ProgrammManagement));
        if (IsEnabled(builder.Configuration))
        {
            builder.UseOrleans(silo => silo.AddDashboard());
        }

        return builder;
    }

    public static WebApplication MapOzgGridDashboard(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration))
        {
            return app;
        }

        var dashboard = app.MapOrleansDashboard(routePrefix: Path).WithMetadata(OperationsListenerOnly.Instance);
        if (!app.Environment.IsDevelopment())
        {
            dashboard.RequireAuthorization(Policy);
        }

        return app;
    }

    private static bool IsEnabled(IConfiguration configuration) =>
        (configuration.GetSection(DashboardHostingOptions.Section).Get<DashboardHostingOptions>() ?? new()).Enabled;
}

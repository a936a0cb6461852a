using System.Globalization;
using OzgGrid.Gateway.Identity;

namespace OzgGrid.Silo.Tokens;

/// <summary>
/// `OzgGrid.Silo issue-token --role R --subject S [--it-dienstleister ID] [--hours H]`: prints a bearer token signed with
/// the silo's configured key, for operators and local use (`./ozg token`).
/// </summary>
public static class IssueTokenCommand
{
    public const string Name = "issue-token";

    private const double DefaultHours = 8;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var options = ParseOptions(args);
        if (options is null || !options.TryGetValue("role", out var role) || !options.TryGetValue("subject", out var subject)
            || !Roles.All.Contains(role))
        {
            error.WriteLine($"Usage: {Name} --role ({string.Join("|", Roles.All)}) --subject NAME [--it-dienstleister ID] [--hours HOURS]");
            return 2;
        }

        options.TryGetValue("it-dienstleister", out var itDienstleister);
        if (role == Roles.ItDienstleister && itDienstleister is null)
        {
            error.WriteLine($"A token of role {Roles.ItDienstleister} needs --it-dienstleister ID (the registered id, e.g. dataport).");
            return 2;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        try
        {
            // The keys the silo checks tokens with may come from its settings file (a mounted secret, say).
            OzgGridHost.AddSettingsFileIfNamed(builder.Configuration);
        }
        catch (InvalidOperationException unreadable)
        {
            error.WriteLine(unreadable.Message);
            return 1;
        }

        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var hours = DefaultHours;
        if (options.TryGetValue("hours", out var text)
            && !(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out hours) && hours > 0 && hours <= auth.MaxTokenLifetime.TotalHours))
        {
            // A token the gateway would refuse (expired at once, or living too long) is not issued, nor one of a default lifetime.
            error.WriteLine($"--hours {text}: give the hours the token is valid, more than 0 and at most {auth.MaxTokenLifetime.TotalHours:0.##} ({AuthOptions.Section}:MaxTokenLifetime).");
            return 2;
        }

        try
        {
            auth.EnsureUsable(builder.Environment.IsDevelopment());
        }
        catch (InvalidOperationException refused)
        {
            error.WriteLine(refused.Message);
            return 1;
        }

        output.WriteLine(AccessTokens.Issue(auth, subject, role, itDienstleister, TimeSpan.FromHours(hours), DateTimeOffset.UtcNow));
        return 0;
    }

    private static Dictionary<string, string>? ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                return null;
            }

            options[args[i][2..]] = args[i + 1];
        }

        return options;
    }
}

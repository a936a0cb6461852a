namespace OzgGrid.Cli.Connection;

/// <summary>Finds the bearer token: --token-file, then OZGCTL_TOKEN, then OZGCTL_TOKEN_FILE; none means calls go without one.</summary>
public static class TokenSource
{
    public const string TokenVariable = "OZGCTL_TOKEN";
    public const string TokenFileVariable = "OZGCTL_TOKEN_FILE";

    public static string? Resolve(string? tokenFile, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(tokenFile))
        {
            return ReadFile(tokenFile, "--token-file");
        }

        var token = environment(TokenVariable);
        if (!string.IsNullOrWhiteSpace(token))
        {
            return Clean(token);
        }

        var fileFromEnvironment = environment(TokenFileVariable);
        return string.IsNullOrWhiteSpace(fileFromEnvironment) ? null : ReadFile(fileFromEnvironment, TokenFileVariable);
    }

    private static string ReadFile(string path, string source)
    {
        string content;
        try
        {
            content = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read the token file {path} ({source}): {e.Message}", ExitCodes.AccessDenied);
        }

        var token = Clean(content);
        return token.Length > 0 ? token : throw new CliException($"the token file {path} ({source}) is empty", ExitCodes.AccessDenied);
    }

    // Accept what `./ozg token` prints and what people paste: surrounding whitespace and a "Bearer " prefix.
    private static string Clean(string token)
    {
        var trimmed = token.Trim();
        return trimmed.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? trimmed["Bearer ".Length..].Trim() : trimmed;
    }
}

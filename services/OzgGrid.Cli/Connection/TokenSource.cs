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
            return Checked(Clean(token), TokenVariable);
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
        return token.Length > 0
            ? Checked(token, $"the token file {path} ({source})")
            : throw new CliException($"the token file {path} ({source}) is empty", ExitCodes.AccessDenied);
    }

    // A bearer token is one word; anything else (build output captured with it, two tokens) would go out as a header
    // the server rejects with a bare protocol error, so say what is wrong instead.
    private static string Checked(string token, string source) =>
        token.Any(char.IsWhiteSpace)
            ? throw new CliException(
                $"the token from {source} is not one word ({token.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length} words): it should hold the bearer token alone",
                ExitCodes.AccessDenied)
            : token;

    // Accept what `./ozg token` prints and what people paste: surrounding whitespace and a "Bearer " prefix.
    private static string Clean(string token)
    {
        var trimmed = token.Trim();
        return trimmed.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? trimmed["Bearer ".Length..].Trim() : trimmed;
    }
}

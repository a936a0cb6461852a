namespace OzgGrid.Cli.Connection;

/// <summary>Parses the endpoints of --endpoint and OZGCTL_ENDPOINTS ("host:port" or URLs, comma separated).</summary>
public static class EndpointList
{
    public const string EndpointsVariable = "OZGCTL_ENDPOINTS";
    public const string DefaultEndpoint = "http://127.0.0.1:5080";

    public static IReadOnlyList<Uri> Resolve(IEnumerable<string> fromCommandLine, Func<string, string?> environment)
    {
        var given = fromCommandLine.SelectMany(Split).ToList();
        if (given.Count == 0)
        {
            given = Split(environment(EndpointsVariable) ?? "").ToList();
        }

        if (given.Count == 0)
        {
            given = [DefaultEndpoint];
        }

        return given.Select(Parse).Distinct().ToList();
    }

    private static IEnumerable<string> Split(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Uri Parse(string endpoint)
    {
        var withScheme = endpoint.Contains("://", StringComparison.Ordinal) ? endpoint : "http://" + endpoint;
        if (Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        throw new CliException($"not an endpoint: '{endpoint}' (expected host:port or http(s)://host:port)");
    }
}

namespace OzgGrid.Cli.Connection;

/// <summary>
/// Where ozgctl connects and as whom: the endpoints in the order they are tried, the bearer token, the call timeout,
/// how long to keep trying while no endpoint answers, and which certificates https:// endpoints are trusted by (null:
/// the system's).
/// </summary>
public sealed record ConnectionSettings(
    IReadOnlyList<Uri> Endpoints, string? Token, TimeSpan CallTimeout, TimeSpan RetryFor, TrustedCertificates? Trust = null);

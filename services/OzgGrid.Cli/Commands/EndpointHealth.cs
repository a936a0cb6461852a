namespace OzgGrid.Cli.Commands;

/// <summary>What one endpoint answered to a health check, and how fast.</summary>
public sealed record EndpointHealth(Uri Endpoint, string Status, bool Serving, long LatencyMs, string Detail);

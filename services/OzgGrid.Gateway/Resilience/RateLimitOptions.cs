namespace OzgGrid.Gateway.Resilience;

/// <summary>Calls each caller may make (section OzgGrid:RateLimit): an IT-Dienstleister counts as one caller, however many tokens it holds.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "OzgGrid:RateLimit";

    /// <summary>Sustained calls per second per caller; 0 switches the limit off.</summary>
    public int PermitsPerSecond { get; set; } = 500;

    /// <summary>Calls a caller may make at once above the sustained rate.</summary>
    public int Burst { get; set; } = 1_000;
}

namespace OzgGrid.Gateway.Streams;

/// <summary>
/// How many streams (monitoring watches, the programme page's events, imports) each gateway process keeps open, and how
/// long an import may pause (section OzgGrid:Streams). A stream holds memory (and a watch a place at the hub) for as long
/// as its client wants.
/// </summary>
public sealed class StreamLimitOptions
{
    public const string Section = "OzgGrid:Streams";

    /// <summary>Streams one caller may have open at once on this gateway; 0 switches the limit off.</summary>
    public int MaxPerCaller { get; set; } = 16;

    /// <summary>Streams of all callers together on this gateway; 0 switches the limit off.</summary>
    public int MaxTotal { get; set; } = 5_000;

    /// <summary>A request stream (an import) in which the client sends nothing for this long is ended; zero switches it off.</summary>
    public TimeSpan ImportIdleTimeout { get; set; } = TimeSpan.FromMinutes(1);
}

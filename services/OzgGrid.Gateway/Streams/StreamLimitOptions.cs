namespace OzgGrid.Gateway.Streams;

/// <summary>
/// How many server streams (monitoring watches, the programme page's events) each gateway process keeps open (section
/// OzgGrid:Streams). A stream holds memory and a place at the hub for as long as its client wants.
/// </summary>
public sealed class StreamLimitOptions
{
    public const string Section = "OzgGrid:Streams";

    /// <summary>Streams one caller may have open at once on this gateway; 0 switches the limit off.</summary>
    public int MaxPerCaller { get; set; } = 16;

    /// <summary>Streams of all callers together on this gateway; 0 switches the limit off.</summary>
    public int MaxTotal { get; set; } = 5_000;
}

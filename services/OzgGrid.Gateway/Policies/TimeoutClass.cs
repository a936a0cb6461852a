namespace OzgGrid.Gateway.Policies;

/// <summary>How long a call may take when its caller set no deadline (the limits are in <c>ResilienceOptions</c>).</summary>
public enum TimeoutClass
{
    /// <summary>An ordinary read or write: <c>OzgGrid:Resilience:CallTimeout</c>.</summary>
    Standard,

    /// <summary>A call that does a lot of work by design (an import, a bulk report): <c>OzgGrid:Resilience:LongCallTimeout</c>.</summary>
    LongRunning,

    /// <summary>A stream: open as long as its caller wants, never cut off by a timeout.</summary>
    Streaming,
}

using OzgGrid.Gateway.Policies;

namespace OzgGrid.Gateway.Resilience;

/// <summary>Limits of the gateway's calls into the cluster (section OzgGrid:Resilience).</summary>
public sealed class ResilienceOptions
{
    public const string Section = "OzgGrid:Resilience";

    /// <summary>The longest a call may take when the caller set no deadline (a shorter deadline wins).</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The same for the calls that do a lot of work by design (<see cref="TimeoutClass.LongRunning"/> in <see cref="RpcPolicies"/>):
    /// a catalogue import into a busy storage takes longer than 10 s, and its caller should get the report, not UNAVAILABLE.
    /// </summary>
    public TimeSpan LongCallTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The timeout of a unary call of this class when the caller set no deadline (streams are not timed).</summary>
    public TimeSpan TimeoutOf(TimeoutClass timeout) => timeout == TimeoutClass.LongRunning ? LongCallTimeout : CallTimeout;

    /// <summary>Further attempts after a transient cluster fault.</summary>
    public int MaxRetries { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The breaker opens when at least this share of calls in <see cref="BreakerWindow"/> failed in the back end…</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>… and at least this many calls were made in it.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an open breaker answers UNAVAILABLE at once before it lets a trial call through.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}

namespace OzgGrid.Gateway.Monitoring;

/// <summary>What a stream found when it waited for its hub.</summary>
internal enum WaitOutcome
{
    /// <summary>Messages to send (or the subscription closed normally).</summary>
    Messages,

    /// <summary>The stream fell too far behind and was cut off.</summary>
    Overflowed,

    /// <summary>The aggregator has published changes this silo's hub did not bring.</summary>
    HubBehind,
}

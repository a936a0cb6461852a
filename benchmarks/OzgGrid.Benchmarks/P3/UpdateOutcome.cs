namespace OzgGrid.Benchmarks.P3;

public enum UpdateOutcome
{
    /// <summary>Scheduled, but not sent: every Leistung already had an update in flight.</summary>
    NotSent,

    /// <summary>Acknowledged with a new version.</summary>
    Applied,

    /// <summary>Acknowledged without a new version (it repeated the current status): nothing to deliver.</summary>
    Unchanged,

    /// <summary>Refused or failed.</summary>
    Failed,
}

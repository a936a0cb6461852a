namespace OzgGrid.Grains.Records;

public enum WriteOutcome
{
    /// <summary>A new version was persisted.</summary>
    Changed,

    /// <summary>The write asked for what the record holds already; its answer was remembered, no version made.</summary>
    Unchanged,

    /// <summary>A retry: the remembered answer of the first attempt, nothing applied again.</summary>
    Replayed,
}

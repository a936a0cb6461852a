namespace OzgGrid.Grains.Abstractions;

/// <summary>The names under which grain storage providers are registered and grain state is kept.</summary>
public static class StorageNames
{
    /// <summary>Current state of Themenfelder, Leistungen and the catalogue (Azure Table storage).</summary>
    public const string State = "ozg-state";

    /// <summary>Change histories (a Leistung's in pages), which grow without bound and so live in Blob storage.</summary>
    public const string History = "ozg-history";

    /// <summary>The programme aggregator's state (Blob storage): one Leistung state per Leistung, too big for a table row.</summary>
    public const string Aggregates = "ozg-aggregates";
}

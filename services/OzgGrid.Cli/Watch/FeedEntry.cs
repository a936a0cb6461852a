namespace OzgGrid.Cli.Watch;

/// <summary>One change of a Leistung as the watch feed shows it.</summary>
public sealed record FeedEntry(DateTimeOffset ChangedAt, int OzgId, string Name, string Kind, string ChangedBy, string Fields, long Version);

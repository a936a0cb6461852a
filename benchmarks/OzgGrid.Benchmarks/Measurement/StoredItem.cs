namespace OzgGrid.Benchmarks.Measurement;

/// <summary>A table entity ("table:PartitionKey/RowKey") or a blob ("blob:name") with its ETag and size in bytes.</summary>
public sealed record StoredItem(string Key, string ETag, long Bytes);

using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace OzgGrid.Benchmarks.Measurement;

/// <summary>
/// Every entity of a host's state table and every blob of its container, with ETags and sizes: what changed between
/// two snapshots, and how big the stored state is.
/// </summary>
public sealed class StorageSnapshot
{
    private StorageSnapshot(Dictionary<string, StoredItem> items) => Items = items;

    public IReadOnlyDictionary<string, StoredItem> Items { get; }

    public static async Task<StorageSnapshot> TakeAsync(string connectionString, string tableName, string blobContainer, CancellationToken cancellationToken)
    {
        var items = new Dictionary<string, StoredItem>();
        var table = new TableServiceClient(connectionString).GetTableClient(tableName);
        await foreach (var entity in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            var key = $"table:{entity.PartitionKey}/{entity.RowKey}";
            items[key] = new StoredItem(key, entity.ETag.ToString(), EntityBytes(entity));
        }

        var container = new BlobServiceClient(connectionString).GetBlobContainerClient(blobContainer);
        if (await container.ExistsAsync(cancellationToken))
        {
            await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                var key = $"blob:{blob.Name}";
                items[key] = new StoredItem(key, blob.Properties.ETag?.ToString() ?? string.Empty, blob.Properties.ContentLength ?? 0);
            }
        }

        return new StorageSnapshot(items);
    }

    /// <summary>The items that are new or have another ETag in <paramref name="later"/>, and those gone from it.</summary>
    public IReadOnlyList<string> ChangedIn(StorageSnapshot later) =>
    [
        .. later.Items.Values.Where(item => !Items.TryGetValue(item.Key, out var before) || before.ETag != item.ETag).Select(item => item.Key),
        .. Items.Keys.Where(key => !later.Items.ContainsKey(key)),
    ];

    /// <summary>The median size of the items whose key starts with <paramref name="prefix"/> and ends with <paramref name="suffix"/>, and their count.</summary>
    public (long MedianBytes, int Count) SizeOf(string prefix, string suffix)
    {
        var sizes = Items.Values
            .Where(item => item.Key.StartsWith(prefix, StringComparison.Ordinal) && item.Key.EndsWith(suffix, StringComparison.Ordinal))
            .Select(item => (double)item.Bytes)
            .ToList();
        return ((long)Median.Of(sizes), sizes.Count);
    }

    /// <summary>The data an entity holds: binary properties by length, strings in UTF-8, anything else by its text.</summary>
    private static long EntityBytes(TableEntity entity) => entity
        .Where(property => property.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
        .Sum(property => property.Value switch
        {
            byte[] bytes => bytes.Length,
            BinaryData binary => binary.ToMemory().Length,
            string text => System.Text.Encoding.UTF8.GetByteCount(text),
            null => 0,
            var other => other.ToString()?.Length ?? 0,
        });
}

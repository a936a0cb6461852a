using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace OzgGrid.Benchmarks.Throughput;

/// <summary>
/// P2's baseline: raw Azure.Data.Tables upserts (replace) from this process to the same Azurite, one entity per made-up
/// Leistung in a fresh table, each caller writing its own entities in turn, each entity of <c>entityBytes</c> of binary
/// data (the size OzgGrid's Leistung state entities had). With <c>historyBytes</c> &gt; 0 (an experiment, not the issue's
/// baseline) each call first uploads a blob of that size per entity, overwriting it, as OzgGrid writes a Leistung's
/// history blob before its state entity: the two writes OzgGrid makes per update, without OzgGrid.
/// </summary>
public sealed class TableUpsertSide : IThroughputSide
{
    /// <summary>As many entities as the catalogue has Leistungen.</summary>
    private const int Entities = 557;

    /// <summary>Azure Table storage takes at most 64 KiB per binary property.</summary>
    private const int MaxPropertyBytes = 64 * 1024;

    private const string PartitionKey = "benchmark";

    private readonly TableClient _table;
    private readonly BlobContainerClient? _blobs;
    private readonly BinaryData? _history;
    private readonly byte[][] _data;
    private readonly int[] _next;
    private readonly int _callers;

    private TableUpsertSide(TableClient table, BlobContainerClient? blobs, int entityBytes, int historyBytes, int callers)
    {
        _table = table;
        _blobs = blobs;
        _history = blobs is null ? null : new BinaryData(new byte[historyBytes]);
        _callers = callers;
        _next = new int[callers];
        var data = new byte[entityBytes];
        Random.Shared.NextBytes(data);
        _data = [.. data.Chunk(MaxPropertyBytes)];
    }

    public static async Task<TableUpsertSide> StartAsync(
        string connectionString, int entityBytes, int historyBytes, int callers, CancellationToken cancellationToken)
    {
        var name = $"benchraw{Guid.NewGuid():N}";
        var table = new TableServiceClient(connectionString).GetTableClient(name);
        await table.CreateAsync(cancellationToken);
        BlobContainerClient? blobs = null;
        if (historyBytes > 0)
        {
            blobs = new BlobServiceClient(connectionString).GetBlobContainerClient(name);
            await blobs.CreateAsync(cancellationToken: cancellationToken);
        }

        return new TableUpsertSide(table, blobs, entityBytes, historyBytes, callers);
    }

    public async Task CallAsync(int caller)
    {
        // Caller c writes entities c, c + callers, c + 2 × callers, … in turn.
        var perCaller = (Entities - caller + _callers - 1) / _callers;
        var index = caller + (_next[caller] * _callers);
        _next[caller] = (_next[caller] + 1) % perCaller;
        if (_blobs is not null)
        {
            await _blobs.GetBlobClient($"history-{index}").UploadAsync(_history, overwrite: true);
        }

        var entity = new TableEntity(PartitionKey, $"leistung-{index}");
        for (var i = 0; i < _data.Length; i++)
        {
            entity[$"Data{i}"] = _data[i];
        }

        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace);
    }

    public async ValueTask DisposeAsync()
    {
        await _table.DeleteAsync();
        if (_blobs is not null)
        {
            await _blobs.DeleteAsync();
        }
    }
}

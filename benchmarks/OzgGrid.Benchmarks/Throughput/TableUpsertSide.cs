using Azure.Data.Tables;

namespace OzgGrid.Benchmarks.Throughput;

/// <summary>
/// P2's baseline: raw Azure.Data.Tables upserts (replace) from this process to the same Azurite, one entity per made-up
/// Leistung in a fresh table, each caller writing its own entities in turn, each entity of <c>entityBytes</c> of binary
/// data (the size OzgGrid's Leistung state entities had).
/// </summary>
public sealed class TableUpsertSide : IThroughputSide
{
    /// <summary>As many entities as the catalogue has Leistungen.</summary>
    private const int Entities = 557;

    /// <summary>Azure Table storage takes at most 64 KiB per binary property.</summary>
    private const int MaxPropertyBytes = 64 * 1024;

    private const string PartitionKey = "benchmark";

    private readonly TableClient _table;
    private readonly byte[][] _data;
    private readonly int[] _next;
    private readonly int _callers;

    private TableUpsertSide(TableClient table, int entityBytes, int callers)
    {
        _table = table;
        _callers = callers;
        _next = new int[callers];
        var data = new byte[entityBytes];
        Random.Shared.NextBytes(data);
        _data = [.. data.Chunk(MaxPropertyBytes)];
    }

    public static async Task<TableUpsertSide> StartAsync(string connectionString, int entityBytes, int callers, CancellationToken cancellationToken)
    {
        var table = new TableServiceClient(connectionString).GetTableClient($"benchraw{Guid.NewGuid():N}");
        await table.CreateAsync(cancellationToken);
        return new TableUpsertSide(table, entityBytes, callers);
    }

    public async Task CallAsync(int caller)
    {
        // Caller c writes entities c, c + callers, c + 2 × callers, … in turn.
        var perCaller = (Entities - caller + _callers - 1) / _callers;
        var index = caller + (_next[caller] * _callers);
        _next[caller] = (_next[caller] + 1) % perCaller;
        var entity = new TableEntity(PartitionKey, $"leistung-{index}");
        for (var i = 0; i < _data.Length; i++)
        {
            entity[$"Data{i}"] = _data[i];
        }

        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace);
    }

    public async ValueTask DisposeAsync() => await _table.DeleteAsync();
}

using Npgsql;
using NpgsqlTypes;
using OzgGrid.Benchmarks.Measurement;

namespace OzgGrid.Benchmarks.Throughput;

/// <summary>
/// P2's baseline on PostgreSQL: raw Npgsql upserts from this process to the same database, into a fresh table shaped
/// like OzgGrid's OrleansStorage (same columns, same unique index), one row per made-up Leistung and kind. Each call
/// upserts one row of each kind OzgGrid's updates wrote (<paramref name="kinds"/>: e.g. the Leistung's state and its
/// history page), one autocommit statement each, in turn, with payloads of the median size OzgGrid stored: the writes
/// OzgGrid makes per update, without OzgGrid. Each caller writes its own Leistungen in turn, as on the OzgGrid side.
/// </summary>
public sealed class PostgresUpsertSide : IThroughputSide
{
    /// <summary>As many Leistungen as the catalogue has.</summary>
    private const int Leistungen = 557;

    private readonly NpgsqlDataSource _source;
    private readonly string _table;
    private readonly (string Kind, byte[] Payload)[] _rows;
    private readonly int[] _next;
    private readonly int _callers;

    private PostgresUpsertSide(NpgsqlDataSource source, string table, (string Kind, byte[] Payload)[] rows, int callers)
    {
        _source = source;
        _table = table;
        _rows = rows;
        _callers = callers;
        _next = new int[callers];
    }

    public static async Task<PostgresUpsertSide> StartAsync(
        string connectionString, IReadOnlyList<StoredRowKind> kinds, int callers, CancellationToken cancellationToken)
    {
        if (kinds.Count == 0)
        {
            throw new InvalidOperationException("OzgGrid wrote no rows during its load: nothing to compare with.");
        }

        var source = NpgsqlDataSource.Create(connectionString);
        var table = $"bench_raw_{Guid.NewGuid():N}";
        await using (var create = source.CreateCommand($"CREATE TABLE {table} (LIKE OrleansStorage INCLUDING ALL)"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var fill = source.CreateCommand(
            $"""
            INSERT INTO {table} (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, ServiceId, PayloadBinary, ModifiedOn, Version)
            SELECT i, i, 0, k.hash, k.kind, 'bench', NULL, now(), 1
            FROM generate_series(0, {Leistungen - 1}) AS i, unnest($1::text[]) WITH ORDINALITY AS k(kind, hash);
            """))
        {
            fill.Parameters.AddWithValue(kinds.Select(kind => kind.Kind).ToArray());
            await fill.ExecuteNonQueryAsync(cancellationToken);
        }

        var rows = kinds.Select(kind =>
        {
            var payload = new byte[kind.MedianPayloadBytes];
            Random.Shared.NextBytes(payload);
            return (kind.Kind, payload);
        }).ToArray();
        return new PostgresUpsertSide(source, table, rows, callers);
    }

    public async Task CallAsync(int caller)
    {
        // Caller c writes Leistungen c, c + callers, c + 2 × callers, … in turn.
        var perCaller = (Leistungen - caller + _callers - 1) / _callers;
        var leistung = caller + (_next[caller] * _callers);
        _next[caller] = (_next[caller] + 1) % perCaller;
        for (var kind = 0; kind < _rows.Length; kind++)
        {
            await using var upsert = _source.CreateCommand(
                $"""
                INSERT INTO {_table} (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
                VALUES ($1, $1, 0, $2, $3, NULL, 'bench', $4, now(), 1)
                ON CONFLICT (GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString, (coalesce(GrainIdExtensionString, '')))
                DO UPDATE SET PayloadBinary = excluded.PayloadBinary, ModifiedOn = now(), Version = {_table}.Version + 1
                """);
            upsert.Parameters.AddWithValue(NpgsqlDbType.Integer, leistung);
            upsert.Parameters.AddWithValue(NpgsqlDbType.Integer, kind + 1);
            upsert.Parameters.AddWithValue(NpgsqlDbType.Varchar, _rows[kind].Kind);
            upsert.Parameters.AddWithValue(NpgsqlDbType.Bytea, _rows[kind].Payload);
            if (await upsert.ExecuteNonQueryAsync() != 1)
            {
                throw new InvalidOperationException("the upsert wrote no row");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await using (var drop = _source.CreateCommand($"DROP TABLE {_table}"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await _source.DisposeAsync();
    }
}

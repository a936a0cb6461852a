using Npgsql;

namespace OzgGrid.Benchmarks.Measurement;

/// <summary>The rows OzgGrid keeps for one ServiceId in its PostgreSQL storage table, by kind (see <see cref="StoredRowKind"/>).</summary>
public static class PostgresStoredRows
{
    public static async Task<IReadOnlyList<StoredRowKind>> TakeAsync(string connectionString, string serviceId, CancellationToken cancellationToken)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand(
            """
            SELECT GrainTypeString, count(*), coalesce(sum(Version), 0),
                   coalesce(percentile_disc(0.5) WITHIN GROUP (ORDER BY octet_length(PayloadBinary)), 0)
            FROM OrleansStorage WHERE ServiceId = $1 GROUP BY GrainTypeString ORDER BY 3 DESC
            """);
        command.Parameters.AddWithValue(serviceId);
        var kinds = new List<StoredRowKind>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            kinds.Add(new StoredRowKind(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3)));
        }

        return kinds;
    }

    /// <summary>
    /// The kinds of row OzgGrid wrote during a load, from snapshots before and after it: each kind whose writes grew
    /// by at least a tenth of the most-written kind's (the rows every update writes, not the odd aggregate), with its
    /// writes during the load and its median payload after it.
    /// </summary>
    public static IReadOnlyList<StoredRowKind> WrittenDuring(IReadOnlyList<StoredRowKind> before, IReadOnlyList<StoredRowKind> after)
    {
        var grown = after
            .Select(kind => kind with { Writes = kind.Writes - (before.FirstOrDefault(b => b.Kind == kind.Kind)?.Writes ?? 0) })
            .Where(kind => kind.Writes > 0)
            .ToList();
        var most = grown.Count == 0 ? 0 : grown.Max(kind => kind.Writes);
        return [.. grown.Where(kind => kind.Writes * 10 >= most).OrderByDescending(kind => kind.Writes)];
    }
}

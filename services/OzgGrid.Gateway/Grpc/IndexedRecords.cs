using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Gateway.Grpc;

/// <summary>
/// Reads the records an id set names. A record's index entries are written before the record itself, so an index may
/// name an id whose first write never completed: such an id is left out, instead of failing the whole read NOT_FOUND.
/// </summary>
public static class IndexedRecords
{
    /// <summary>Each id's record in order, null where none was ever written; all asked together (pass a page's worth).</summary>
    public static Task<Recorded<T>?[]> ReadEachAsync<T>(IEnumerable<string> ids, Func<string, Task<Recorded<T>>> read) =>
        Task.WhenAll(ids.Select(id => OrNullAsync(id, read)));

    /// <summary>Every record the ids name, at most <paramref name="batch"/> asked together.</summary>
    public static Task<List<Recorded<T>>> ReadAllAsync<T>(IEnumerable<string> ids, Func<string, Task<Recorded<T>>> read, int batch) =>
        InBatchesAsync(ids, id => OrNullAsync(id, read), batch);

    /// <summary>
    /// What <paramref name="read"/> answers for each key, in order, at most <paramref name="batch"/> asked together (a
    /// programme-wide read never asks thousands of grains at once); null answers are left out.
    /// </summary>
    public static async Task<List<T>> InBatchesAsync<TKey, T>(IEnumerable<TKey> keys, Func<TKey, Task<T?>> read, int batch)
        where T : class
    {
        var found = new List<T>();
        foreach (var chunk in keys.Chunk(batch))
        {
            found.AddRange((await Task.WhenAll(chunk.Select(read))).OfType<T>());
        }

        return found;
    }

    private static async Task<Recorded<T>?> OrNullAsync<T>(string id, Func<string, Task<Recorded<T>>> read)
    {
        try
        {
            return await read(id);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}

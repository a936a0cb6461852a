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
        Task.WhenAll(ids.Select(async id =>
        {
            try
            {
                return await read(id);
            }
            catch (NotFoundException)
            {
                return null;
            }
        }));

    /// <summary>Every record the ids name, at most <paramref name="batch"/> asked together.</summary>
    public static async Task<List<Recorded<T>>> ReadAllAsync<T>(IEnumerable<string> ids, Func<string, Task<Recorded<T>>> read, int batch)
    {
        var records = new List<Recorded<T>>();
        foreach (var chunk in ids.Chunk(batch))
        {
            records.AddRange((await ReadEachAsync(chunk, read)).OfType<Recorded<T>>());
        }

        return records;
    }
}

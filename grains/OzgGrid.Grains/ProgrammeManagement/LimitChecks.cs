using OzgGrid.Grains.Abstractions.Errors;
using OzgGrid.Grains.Abstractions.ProgrammeManagement;

namespace OzgGrid.Grains.ProgrammeManagement;

/// <summary>The checks a write's decide step makes before it grows a collection (see <see cref="Abstractions.Limits"/>).</summary>
internal static class LimitChecks
{
    /// <exception cref="CollectionLimitException"><paramref name="count"/> items plus <paramref name="adding"/> would be more than <paramref name="limit"/>.</exception>
    public static void EnsureRoom(int count, int adding, int limit, string what, string setting)
    {
        if (adding > 0 && count + adding > limit)
        {
            throw CollectionLimitException.Of(what, setting, limit, count);
        }
    }

    /// <exception cref="CollectionLimitException">A list replaced whole would hold <paramref name="count"/> items, more than <paramref name="limit"/>.</exception>
    public static void EnsureAtMost(int count, int limit, string what, string setting)
    {
        if (count > limit)
        {
            throw CollectionLimitException.Replacing(what, setting, limit, count);
        }
    }

    /// <summary>Room for <paramref name="id"/> in an id set, unless it is there already.</summary>
    public static async Task EnsureRoomAsync(IIdSetGrain set, string id, int limit, string what, string setting)
    {
        var ids = await set.GetAsync();
        EnsureRoom(ids.Count, ids.Contains(id) ? 0 : 1, limit, what, setting);
    }
}

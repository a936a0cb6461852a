using System.Runtime.ExceptionServices;
using Orleans.Storage;

namespace OzgGrid.Grains.Rollout;

/// <summary>
/// A Land rollout's partitions (<see cref="RolloutPartition"/>), each in its own row of the state storage under the
/// rollout grain's id ("rollout-entries-{Kreis}"), with its ETag. Only the Land rollout grain writes them.
/// </summary>
internal sealed class RolloutPartitions(IGrainStorage storage, GrainId rollout)
{
    private const string RowPrefix = "rollout-entries-";

    private readonly SortedDictionary<int, GrainState<RolloutPartition>> _rows = [];

    /// <summary>Entries in all partitions.</summary>
    public int EntryCount { get; private set; }

    /// <summary>Every partition in AGS order.</summary>
    public IEnumerable<RolloutPartition> All => _rows.Values.Select(row => row.State ?? RolloutPartition.Empty);

    public static string RowName(int kreis) => $"{RowPrefix}{kreis:D5}";

    public RolloutPartition Get(int kreis) => _rows.TryGetValue(kreis, out var row) && row.State is { } partition ? partition : RolloutPartition.Empty;

    /// <summary>Reads the rows of <paramref name="kreise"/> (a missing row is an empty partition), with their ETags.</summary>
    public async Task LoadAsync(IEnumerable<int> kreise)
    {
        var rows = await Task.WhenAll(kreise.Select(async kreis =>
        {
            var row = new GrainState<RolloutPartition>();
            await storage.ReadStateAsync(RowName(kreis), rollout, row);
            row.State ??= RolloutPartition.Empty;
            return (Kreis: kreis, Row: row, Count: row.State.Count);
        }));
        foreach (var (kreis, row, count) in rows)
        {
            EntryCount += count - Get(kreis).Count;
            _rows[kreis] = row;
        }
    }

    /// <summary>Stores the next state of a partition; on failure the one before stays (in memory: storage may hold either).</summary>
    public async Task WriteAsync(int kreis, RolloutPartition next)
    {
        var row = new GrainState<RolloutPartition>(next) { ETag = _rows.TryGetValue(kreis, out var before) ? before.ETag : null };
        try
        {
            await storage.WriteStateAsync(RowName(kreis), rollout, row);
        }
        catch (Exception fault)
        {
            var taken = await TakenAsync(kreis, next);
            if (taken is null)
            {
                ExceptionDispatchInfo.Capture(fault).Throw();
            }

            row = taken;
        }

        EntryCount += next.Count - Get(kreis).Count;
        _rows[kreis] = row;
    }

    /// <summary>
    /// Whether a write whose answer was lost went through after all (a storage client's retry of an insert that had gone
    /// through meets its own row): the row then holds the version written, since only this grain writes it and every
    /// write raises the version. Null when it does not, or cannot be read.
    /// </summary>
    private async Task<GrainState<RolloutPartition>?> TakenAsync(int kreis, RolloutPartition next)
    {
        try
        {
            var stored = new GrainState<RolloutPartition>();
            await storage.ReadStateAsync(RowName(kreis), rollout, stored);
            return stored.State?.Version == next.Version ? stored : null;
        }
        catch (Exception)
        {
            return null;
        }
    }
}

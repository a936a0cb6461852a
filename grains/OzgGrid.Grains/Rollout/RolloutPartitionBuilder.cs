using OzgGrid.Grains.Records;

namespace OzgGrid.Grains.Rollout;

/// <summary>The next <see cref="RolloutPartition"/>: a report's changes and answers staged over the current one.</summary>
internal sealed class RolloutPartitionBuilder(RolloutPartition current)
{
    private readonly SortedDictionary<int, RolloutEntryValue> _changed = [];
    private readonly List<WriteReceipt> _receipts = [];

    /// <summary>Whether anything is to be stored: an answer is, though it changed no entry (a retry must find it).</summary>
    public bool HasWrites => _receipts.Count > 0;

    public RolloutEntryValue Find(int ags) => _changed.TryGetValue(ags, out var value) ? value : current.Find(ags);

    public WriteReceipt? FindReceipt(long requestKey)
    {
        for (var i = _receipts.Count - 1; i >= 0; i--)
        {
            if (_receipts[i].RequestKey == requestKey)
            {
                return _receipts[i];
            }
        }

        return current.Receipts.Find(requestKey);
    }

    public void Set(int ags, RolloutEntryValue value) => _changed[ags] = value;

    public void Remember(WriteReceipt receipt) => _receipts.Add(receipt);

    /// <summary>The current entries with the changed ones merged in, in AGS order.</summary>
    public RolloutPartition Build()
    {
        var count = current.Count + _changed.Keys.Count(ags => Array.BinarySearch(current.Ags, ags) < 0);
        var (ags, verfuegbarkeit, reifegrad, versions, stamps) = (new int[count], new byte[count], new byte[count], new int[count], new RolloutStamp?[count]);
        using var changed = _changed.GetEnumerator();
        var hasChanged = changed.MoveNext();
        var (from, to) = (0, 0);
        while (to < count)
        {
            var takeChanged = hasChanged && (from >= current.Count || changed.Current.Key <= current.Ags[from]);
            var (key, value) = takeChanged ? (changed.Current.Key, changed.Current.Value) : (current.Ags[from], current.ValueAt(from));
            if (takeChanged)
            {
                from += from < current.Count && current.Ags[from] == key ? 1 : 0;
                hasChanged = changed.MoveNext();
            }
            else
            {
                from++;
            }

            (ags[to], verfuegbarkeit[to], reifegrad[to], versions[to], stamps[to]) = (key, (byte)value.Verfuegbarkeit, (byte)value.Reifegrad, value.Version, value.Stamp);
            to++;
        }

        return new RolloutPartition
        {
            Version = current.Version + 1,
            Ags = ags,
            Verfuegbarkeit = verfuegbarkeit,
            Reifegrad = reifegrad,
            Versions = versions,
            Stamps = stamps,
            Receipts = current.Receipts.RememberAll(_receipts, RolloutPartition.ReceiptCapacity),
        };
    }
}

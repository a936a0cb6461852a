using System.Collections.Immutable;

namespace OzgGrid.Grains.Records;

/// <summary>
/// A record's latest answered writes, oldest first, at most <see cref="Capacity"/>; stored packed by
/// <see cref="WriteReceiptsConverter"/> since they travel with every write.
/// </summary>
[Immutable]
public sealed class WriteReceipts(ImmutableArray<WriteReceipt> all)
{
    /// <summary>How many answered writes a record remembers; a retry comes within seconds, not after 100 other writes.</summary>
    public const int Capacity = 100;

    public static readonly WriteReceipts Empty = new([]);

    public ImmutableArray<WriteReceipt> All { get; } = all;

    public WriteReceipt? Find(long requestKey)
    {
        foreach (var receipt in All)
        {
            if (receipt.RequestKey == requestKey)
            {
                return receipt;
            }
        }

        return null;
    }

    /// <summary>Adds an answered write, forgetting the oldest beyond <see cref="Capacity"/>.</summary>
    public WriteReceipts Remember(WriteReceipt receipt)
    {
        var all = All.Add(receipt);
        return new(all.Length > Capacity ? all.RemoveRange(0, all.Length - Capacity) : all);
    }
}

using System.Collections.Immutable;
using OzgGrid.Grains.Changes;

namespace OzgGrid.Grains.Leistungen;

/// <summary>
/// A Leistung's remembered writes, oldest first, at most <see cref="WriteGuard.RecentWritesCapacity"/>. They are
/// stored with every change, so storage gets them packed (<see cref="LeistungReceiptsConverter"/>): one byte array
/// and the few distinct Zuständigkeiten, instead of a hundred objects and request id strings the serializer would
/// track one by one.
/// </summary>
[Immutable]
public sealed class LeistungReceipts(ImmutableArray<LeistungWriteReceipt> all)
{
    public static readonly LeistungReceipts Empty = new([]);

    public ImmutableArray<LeistungWriteReceipt> All { get; } = all;

    /// <summary>The receipt of the write with this request id, if it is still remembered.</summary>
    public LeistungWriteReceipt? Find(string requestId)
    {
        foreach (var receipt in All)
        {
            if (receipt.RequestId == requestId)
            {
                return receipt;
            }
        }

        return null;
    }

    /// <summary>Adds an answered write, forgetting the oldest beyond the capacity.</summary>
    public LeistungReceipts Remember(LeistungWriteReceipt receipt) => new(WriteGuard.Remember(All, receipt));

    /// <summary>The newest <see cref="WriteGuard.RecentWritesCapacity"/> of these receipts, oldest first.</summary>
    public static LeistungReceipts Of(IEnumerable<LeistungWriteReceipt> oldestFirst) => new(WriteGuard.Newest(oldestFirst.ToImmutableArray()));
}

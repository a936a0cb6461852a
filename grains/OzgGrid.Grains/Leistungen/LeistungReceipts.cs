using System.Collections.Immutable;
using OzgGrid.Grains.Changes;

namespace OzgGrid.Grains.Leistungen;

/// <summary>
/// A Leistung's remembered writes, oldest first, at most <see cref="WriteGuard.RecentWritesCapacity"/>. They are
/// stored with every change, so storage gets them packed (<see cref="LeistungReceiptsConverter"/>): one byte array of
/// fixed-size entries and the few distinct Zuständigkeiten. A request id is remembered as a 64-bit key of its SHA-256
/// hash, not as its text: two request ids of one Leistung's last hundred writes sharing a key is a chance of about
/// one in 10^15, and the text (a GUID or longer) would make up most of every stored state.
/// </summary>
[Immutable]
public sealed class LeistungReceipts(ImmutableArray<LeistungWriteReceipt> all)
{
    public static readonly LeistungReceipts Empty = new([]);

    public ImmutableArray<LeistungWriteReceipt> All { get; } = all;

    /// <summary>The key under which the write with this request id is remembered.</summary>
    public static long KeyOf(string requestId) => Fingerprints.Of(requestId);

    /// <summary>The receipt of the write with this request id, if it is still remembered.</summary>
    public LeistungWriteReceipt? Find(string requestId) => Find(KeyOf(requestId));

    /// <summary>The receipt of the write with this request key, if it is still remembered.</summary>
    public LeistungWriteReceipt? Find(long requestKey)
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

    /// <summary>Adds an answered write, forgetting the oldest beyond the capacity.</summary>
    public LeistungReceipts Remember(LeistungWriteReceipt receipt) => new(WriteGuard.Remember(All, receipt));

    /// <summary>The newest <see cref="WriteGuard.RecentWritesCapacity"/> of these receipts, oldest first.</summary>
    public static LeistungReceipts Of(IEnumerable<LeistungWriteReceipt> oldestFirst) => new(WriteGuard.Newest(oldestFirst.ToImmutableArray()));
}

using System.Buffers.Binary;
using System.Collections.Immutable;

namespace OzgGrid.Grains.Records;

/// <summary>
/// A record's latest answered writes, oldest first: at least the latest <see cref="Capacity"/>, at most
/// <see cref="Capacity"/> + <see cref="RecentCapacity"/>. Held packed, 24 bytes per receipt (request key,
/// fingerprint, version; little-endian), the form they are stored in (<see cref="WriteReceiptsConverter"/>), in two
/// parts: the older receipts, shared unchanged by many states, and the few most recent. A write copies only the recent
/// part; every <see cref="RecentCapacity"/>-th write folds it into the older part (one copy of the whole), so a write no
/// longer makes a new 2.4 KB array of all of them.
/// </summary>
[Immutable]
public sealed class WriteReceipts
{
    /// <summary>How many answered writes a record remembers at least; a retry comes within seconds, not after 100 other writes.</summary>
    public const int Capacity = 100;

    /// <summary>How many receipts the recent part holds before it is folded into the older part.</summary>
    public const int RecentCapacity = 16;

    internal const int ReceiptBytes = 3 * sizeof(long);

    public static readonly WriteReceipts Empty = new([], []);

    /// <summary>Never changed once made: the stored form and later states share them.</summary>
    private readonly byte[] _older;
    private readonly byte[] _recent;

    public WriteReceipts(ImmutableArray<WriteReceipt> all)
    {
        _older = new byte[all.Length * ReceiptBytes];
        _recent = [];
        for (var i = 0; i < all.Length; i++)
        {
            Write(_older.AsSpan(i * ReceiptBytes), all[i]);
        }
    }

    private WriteReceipts(byte[] older, byte[] recent) => (_older, _recent) = (older, recent);

    public int Count => (_older.Length + _recent.Length) / ReceiptBytes;

    public ImmutableArray<WriteReceipt> All
    {
        get
        {
            var all = ImmutableArray.CreateBuilder<WriteReceipt>(Count);
            for (var i = 0; i < Count; i++)
            {
                all.Add(Read(i));
            }

            return all.MoveToImmutable();
        }
    }

    /// <summary>The older receipts, packed, shared with the stored form: never to be changed.</summary>
    internal byte[] Older => _older;

    /// <summary>The most recent receipts, packed, shared with the stored form: never to be changed.</summary>
    internal byte[] Recent => _recent;

    public WriteReceipt? Find(long requestKey)
    {
        for (var i = 0; i < Count; i++)
        {
            if (BinaryPrimitives.ReadInt64LittleEndian(At(i)) == requestKey)
            {
                return Read(i);
            }
        }

        return null;
    }

    /// <summary>Adds an answered write; the oldest beyond <see cref="Capacity"/> are forgotten when the recent part is folded.</summary>
    public WriteReceipts Remember(WriteReceipt receipt)
    {
        if (_recent.Length < RecentCapacity * ReceiptBytes)
        {
            var recent = new byte[_recent.Length + ReceiptBytes];
            _recent.CopyTo(recent, 0);
            Write(recent.AsSpan(_recent.Length), receipt);
            return new(_older, recent);
        }

        var single = new byte[ReceiptBytes];
        Write(single, receipt);
        return new(Newest(Capacity), single);
    }

    /// <summary>
    /// Adds many answered writes at once (one copy, not one per receipt), keeping the newest <paramref name="capacity"/>:
    /// for records that answer many writes per call, such as a Land rollout's entries.
    /// </summary>
    public WriteReceipts RememberAll(IReadOnlyList<WriteReceipt> receipts, int capacity)
    {
        var added = Math.Min(receipts.Count, capacity);
        var kept = Math.Min(Count, capacity - added);
        var packed = new byte[(kept + added) * ReceiptBytes];
        CopyNewest(kept, packed);
        for (var i = 0; i < added; i++)
        {
            Write(packed.AsSpan((kept + i) * ReceiptBytes), receipts[receipts.Count - added + i]);
        }

        return new(packed, []);
    }

    /// <summary>Whether both hold the same receipts in the same order.</summary>
    public bool SameAs(WriteReceipts other)
    {
        if (Count != other.Count)
        {
            return false;
        }

        for (var i = 0; i < Count; i++)
        {
            if (!At(i).SequenceEqual(other.At(i)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Receipts as stored (whole receipts only; a shorter tail is ignored), taking the arrays over.</summary>
    internal static WriteReceipts FromPacked(byte[] older, byte[]? recent) => new(Whole(older), Whole(recent ?? []));

    private static byte[] Whole(byte[] packed) =>
        packed.Length % ReceiptBytes == 0 ? packed : packed[..(packed.Length / ReceiptBytes * ReceiptBytes)];

    /// <summary>The newest <paramref name="count"/> receipts (or all there are) in one packed array.</summary>
    private byte[] Newest(int count)
    {
        var packed = new byte[Math.Min(Count, count) * ReceiptBytes];
        CopyNewest(packed.Length / ReceiptBytes, packed);
        return packed;
    }

    private void CopyNewest(int count, Span<byte> into)
    {
        var skipped = (Count - count) * ReceiptBytes;
        var older = _older.AsSpan(Math.Min(skipped, _older.Length));
        older.CopyTo(into);
        _recent.AsSpan(Math.Max(0, skipped - _older.Length)).CopyTo(into[older.Length..]);
    }

    private ReadOnlySpan<byte> At(int index)
    {
        var offset = index * ReceiptBytes;
        return offset < _older.Length
            ? _older.AsSpan(offset, ReceiptBytes)
            : _recent.AsSpan(offset - _older.Length, ReceiptBytes);
    }

    private static void Write(Span<byte> at, WriteReceipt receipt)
    {
        BinaryPrimitives.WriteInt64LittleEndian(at, receipt.RequestKey);
        BinaryPrimitives.WriteInt64LittleEndian(at[8..], receipt.Fingerprint);
        BinaryPrimitives.WriteInt64LittleEndian(at[16..], receipt.Version);
    }

    private WriteReceipt Read(int index)
    {
        var at = At(index);
        return new(BinaryPrimitives.ReadInt64LittleEndian(at), BinaryPrimitives.ReadInt64LittleEndian(at[8..]), BinaryPrimitives.ReadInt64LittleEndian(at[16..]));
    }
}

using System.Buffers.Binary;
using System.Collections.Immutable;

namespace OzgGrid.Grains.Records;

/// <summary>
/// A record's latest answered writes, oldest first, at most <see cref="Capacity"/>. Held packed, 24 bytes per receipt
/// (request key, fingerprint, version; little-endian), the form they are stored in: they travel with every write, so a
/// write makes one new array of them and storing it copies nothing more (<see cref="WriteReceiptsConverter"/>).
/// </summary>
[Immutable]
public sealed class WriteReceipts
{
    /// <summary>How many answered writes a record remembers; a retry comes within seconds, not after 100 other writes.</summary>
    public const int Capacity = 100;

    internal const int ReceiptBytes = 3 * sizeof(long);

    public static readonly WriteReceipts Empty = new(ImmutableArray<WriteReceipt>.Empty);

    /// <summary>Never changed once made: the stored form shares it.</summary>
    private readonly byte[] _packed;

    public WriteReceipts(ImmutableArray<WriteReceipt> all)
    {
        _packed = new byte[all.Length * ReceiptBytes];
        for (var i = 0; i < all.Length; i++)
        {
            Write(_packed.AsSpan(i * ReceiptBytes), all[i]);
        }
    }

    private WriteReceipts(byte[] packed) => _packed = packed;

    public int Count => _packed.Length / ReceiptBytes;

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

    /// <summary>The packed receipts, shared with the stored form: never to be changed.</summary>
    internal byte[] Packed => _packed;

    public WriteReceipt? Find(long requestKey)
    {
        for (var i = 0; i < Count; i++)
        {
            if (BinaryPrimitives.ReadInt64LittleEndian(_packed.AsSpan(i * ReceiptBytes)) == requestKey)
            {
                return Read(i);
            }
        }

        return null;
    }

    /// <summary>Adds an answered write, forgetting the oldest beyond <see cref="Capacity"/>.</summary>
    public WriteReceipts Remember(WriteReceipt receipt)
    {
        var kept = Math.Min(Count, Capacity - 1);
        var packed = new byte[(kept + 1) * ReceiptBytes];
        _packed.AsSpan((Count - kept) * ReceiptBytes, kept * ReceiptBytes).CopyTo(packed);
        Write(packed.AsSpan(kept * ReceiptBytes), receipt);
        return new(packed);
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
        _packed.AsSpan((Count - kept) * ReceiptBytes, kept * ReceiptBytes).CopyTo(packed);
        for (var i = 0; i < added; i++)
        {
            Write(packed.AsSpan((kept + i) * ReceiptBytes), receipts[receipts.Count - added + i]);
        }

        return new(packed);
    }

    /// <summary>Receipts as stored (whole receipts only; a shorter tail is ignored), taking the array over.</summary>
    internal static WriteReceipts FromPacked(byte[] packed) =>
        new(packed.Length % ReceiptBytes == 0 ? packed : packed[..(packed.Length / ReceiptBytes * ReceiptBytes)]);

    private static void Write(Span<byte> at, WriteReceipt receipt)
    {
        BinaryPrimitives.WriteInt64LittleEndian(at, receipt.RequestKey);
        BinaryPrimitives.WriteInt64LittleEndian(at[8..], receipt.Fingerprint);
        BinaryPrimitives.WriteInt64LittleEndian(at[16..], receipt.Version);
    }

    private WriteReceipt Read(int index)
    {
        var at = _packed.AsSpan(index * ReceiptBytes);
        return new(BinaryPrimitives.ReadInt64LittleEndian(at), BinaryPrimitives.ReadInt64LittleEndian(at[8..]), BinaryPrimitives.ReadInt64LittleEndian(at[16..]));
    }
}

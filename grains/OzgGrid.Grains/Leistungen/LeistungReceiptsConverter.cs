using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;
using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Leistungen;

/// <summary>
/// Packs <see cref="LeistungReceipts"/> for storage and unpacks them. The Zuständigkeiten are told apart by instance:
/// every receipt between two Zuständigkeit changes shares the state's instance, so there are as many as changes
/// within the remembered writes.
/// </summary>
[RegisterConverter]
public sealed class LeistungReceiptsConverter : IConverter<LeistungReceipts, LeistungReceiptsSurrogate>
{
    private const int FixedBytes = sizeof(int) + sizeof(long) + sizeof(long) + sizeof(int);

    public LeistungReceiptsSurrogate ConvertToSurrogate(in LeistungReceipts value)
    {
        var zustaendigkeiten = new List<Zustaendigkeit?>();
        var size = 0;
        foreach (var receipt in value.All)
        {
            size += FixedBytes + Encoding.UTF8.GetByteCount(receipt.RequestId);
        }

        var packed = new byte[size];
        var at = 0;
        foreach (var receipt in value.All)
        {
            var index = IndexOf(zustaendigkeiten, receipt.Zustaendigkeit);

            BinaryPrimitives.WriteInt32LittleEndian(packed.AsSpan(at), index);
            BinaryPrimitives.WriteInt64LittleEndian(packed.AsSpan(at + 4), receipt.Fingerprint);
            BinaryPrimitives.WriteInt64LittleEndian(packed.AsSpan(at + 12), receipt.Version);
            var length = Encoding.UTF8.GetBytes(receipt.RequestId, packed.AsSpan(at + FixedBytes));
            BinaryPrimitives.WriteInt32LittleEndian(packed.AsSpan(at + 20), length);
            at += FixedBytes + length;
        }

        return new LeistungReceiptsSurrogate(packed, [.. zustaendigkeiten]);
    }

    /// <summary>The index of this instance, added if new. A loop, not a lambda: this runs for every receipt of every write.</summary>
    private static int IndexOf(List<Zustaendigkeit?> known, Zustaendigkeit? zustaendigkeit)
    {
        for (var index = 0; index < known.Count; index++)
        {
            if (ReferenceEquals(known[index], zustaendigkeit))
            {
                return index;
            }
        }

        known.Add(zustaendigkeit);
        return known.Count - 1;
    }

    public LeistungReceipts ConvertFromSurrogate(in LeistungReceiptsSurrogate surrogate)
    {
        var receipts = ImmutableArray.CreateBuilder<LeistungWriteReceipt>();
        ReadOnlySpan<byte> packed = surrogate.Packed ?? [];
        while (!packed.IsEmpty)
        {
            var index = BinaryPrimitives.ReadInt32LittleEndian(packed);
            var fingerprint = BinaryPrimitives.ReadInt64LittleEndian(packed[4..]);
            var version = BinaryPrimitives.ReadInt64LittleEndian(packed[12..]);
            var length = BinaryPrimitives.ReadInt32LittleEndian(packed[20..]);
            var requestId = Encoding.UTF8.GetString(packed.Slice(FixedBytes, length));
            receipts.Add(new LeistungWriteReceipt(requestId, fingerprint, version, surrogate.Zustaendigkeiten[index]));
            packed = packed[(FixedBytes + length)..];
        }

        return new LeistungReceipts(receipts.ToImmutable());
    }
}

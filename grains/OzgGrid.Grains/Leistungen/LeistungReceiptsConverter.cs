using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;
using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Leistungen;

/// <summary>
/// Packs <see cref="LeistungReceipts"/> for storage and unpacks them: fixed 28 bytes per receipt. The Zuständigkeiten
/// are told apart by instance: every receipt between two Zuständigkeit changes shares the state's instance, so there
/// are as many as changes within the remembered writes. Receipts the previous release packed with their request ids
/// are read too.
/// </summary>
[RegisterConverter]
public sealed class LeistungReceiptsConverter : IConverter<LeistungReceipts, LeistungReceiptsSurrogate>
{
    private const int KeyedBytes = sizeof(int) + 3 * sizeof(long);
    private const int PackedFixedBytes = sizeof(int) + sizeof(long) + sizeof(long) + sizeof(int);

    public LeistungReceiptsSurrogate ConvertToSurrogate(in LeistungReceipts value)
    {
        var zustaendigkeiten = new List<Zustaendigkeit?>();
        var keyed = new byte[value.All.Length * KeyedBytes];
        var at = keyed.AsSpan();
        foreach (var receipt in value.All)
        {
            BinaryPrimitives.WriteInt32LittleEndian(at, IndexOf(zustaendigkeiten, receipt.Zustaendigkeit));
            BinaryPrimitives.WriteInt64LittleEndian(at[4..], receipt.RequestKey);
            BinaryPrimitives.WriteInt64LittleEndian(at[12..], receipt.Fingerprint);
            BinaryPrimitives.WriteInt64LittleEndian(at[20..], receipt.Version);
            at = at[KeyedBytes..];
        }

        return new LeistungReceiptsSurrogate(Packed: null, [.. zustaendigkeiten], keyed);
    }

    public LeistungReceipts ConvertFromSurrogate(in LeistungReceiptsSurrogate surrogate) =>
        new(surrogate.Keyed is { } keyed ? FromKeyed(keyed, surrogate.Zustaendigkeiten) : FromPacked(surrogate.Packed ?? [], surrogate.Zustaendigkeiten));

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

    private static ImmutableArray<LeistungWriteReceipt> FromKeyed(ReadOnlySpan<byte> keyed, Zustaendigkeit?[] zustaendigkeiten)
    {
        var receipts = ImmutableArray.CreateBuilder<LeistungWriteReceipt>(keyed.Length / KeyedBytes);
        for (; keyed.Length >= KeyedBytes; keyed = keyed[KeyedBytes..])
        {
            receipts.Add(new LeistungWriteReceipt(
                RequestKey: BinaryPrimitives.ReadInt64LittleEndian(keyed[4..]),
                Fingerprint: BinaryPrimitives.ReadInt64LittleEndian(keyed[12..]),
                Version: BinaryPrimitives.ReadInt64LittleEndian(keyed[20..]),
                zustaendigkeiten[BinaryPrimitives.ReadInt32LittleEndian(keyed)]));
        }

        return receipts.MoveToImmutable();
    }

    private static ImmutableArray<LeistungWriteReceipt> FromPacked(ReadOnlySpan<byte> packed, Zustaendigkeit?[] zustaendigkeiten)
    {
        var receipts = ImmutableArray.CreateBuilder<LeistungWriteReceipt>();
        while (!packed.IsEmpty)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(packed[20..]);
            receipts.Add(new UnpackedWriteReceipt(
                RequestId: Encoding.UTF8.GetString(packed.Slice(PackedFixedBytes, length)),
                Fingerprint: BinaryPrimitives.ReadInt64LittleEndian(packed[4..]),
                Version: BinaryPrimitives.ReadInt64LittleEndian(packed[12..]),
                zustaendigkeiten[BinaryPrimitives.ReadInt32LittleEndian(packed)]).ToReceipt());
            packed = packed[(PackedFixedBytes + length)..];
        }

        return receipts.ToImmutable();
    }
}

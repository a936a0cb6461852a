using System.Buffers.Binary;
using System.Collections.Immutable;

namespace OzgGrid.Grains.Records;

/// <summary>Packs <see cref="WriteReceipts"/> for storage: 24 bytes per receipt (request key, fingerprint, version; little-endian).</summary>
[RegisterConverter]
public sealed class WriteReceiptsConverter : IConverter<WriteReceipts, WriteReceiptsSurrogate>
{
    private const int ReceiptBytes = 3 * sizeof(long);

    public WriteReceiptsSurrogate ConvertToSurrogate(in WriteReceipts value)
    {
        var packed = new byte[value.All.Length * ReceiptBytes];
        var at = packed.AsSpan();
        foreach (var receipt in value.All)
        {
            BinaryPrimitives.WriteInt64LittleEndian(at, receipt.RequestKey);
            BinaryPrimitives.WriteInt64LittleEndian(at[8..], receipt.Fingerprint);
            BinaryPrimitives.WriteInt64LittleEndian(at[16..], receipt.Version);
            at = at[ReceiptBytes..];
        }

        return new WriteReceiptsSurrogate(packed);
    }

    public WriteReceipts ConvertFromSurrogate(in WriteReceiptsSurrogate surrogate)
    {
        ReadOnlySpan<byte> packed = surrogate.Packed ?? [];
        var receipts = ImmutableArray.CreateBuilder<WriteReceipt>(packed.Length / ReceiptBytes);
        for (; packed.Length >= ReceiptBytes; packed = packed[ReceiptBytes..])
        {
            receipts.Add(new WriteReceipt(
                BinaryPrimitives.ReadInt64LittleEndian(packed),
                BinaryPrimitives.ReadInt64LittleEndian(packed[8..]),
                BinaryPrimitives.ReadInt64LittleEndian(packed[16..])));
        }

        return new WriteReceipts(receipts.MoveToImmutable());
    }
}

using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OzgGrid.Grains.Records;

/// <summary>
/// An explicit, stable byte encoding of what a write asks (its kind, then each field written out in a fixed order),
/// reduced to 64 bits. Unlike a record's <c>ToString()</c> it does not change when a property is renamed or added, so a
/// retry after a deploy is still recognised as the same write. Values are tagged and length-prefixed, so two different
/// field lists never encode alike.
/// </summary>
public sealed class CanonicalEncoding
{
    private const byte NullTag = 0;
    private const byte NumberTag = 1;
    private const byte TextTag = 2;
    private const byte ListTag = 3;

    private readonly ArrayBufferWriter<byte> _bytes = new(256);

    /// <param name="kind">Names the command and its encoding, e.g. <c>leistung.status/1</c>; a new encoding gets a new number.</param>
    public CanonicalEncoding(string kind) => Text(kind);

    public ReadOnlySpan<byte> Bytes => _bytes.WrittenSpan;

    public CanonicalEncoding Number(long? value)
    {
        if (value is not { } number)
        {
            return Tag(NullTag);
        }

        Tag(NumberTag);
        BinaryPrimitives.WriteInt64LittleEndian(_bytes.GetSpan(sizeof(long)), number);
        _bytes.Advance(sizeof(long));
        return this;
    }

    public CanonicalEncoding Flag(bool value) => Number(value ? 1 : 0);

    public CanonicalEncoding Text(string? value)
    {
        if (value is null)
        {
            return Tag(NullTag);
        }

        Tag(TextTag);
        var length = Encoding.UTF8.GetByteCount(value);
        BinaryPrimitives.WriteInt32LittleEndian(_bytes.GetSpan(sizeof(int)), length);
        _bytes.Advance(sizeof(int));
        _bytes.Advance(Encoding.UTF8.GetBytes(value, _bytes.GetSpan(length)));
        return this;
    }

    /// <summary>A list of items, each written by <paramref name="write"/>; the count first, so lists never run into each other.</summary>
    public CanonicalEncoding List<T>(IEnumerable<T> items, Action<CanonicalEncoding, T> write)
    {
        var all = items as IReadOnlyCollection<T> ?? [.. items];
        Tag(ListTag);
        BinaryPrimitives.WriteInt32LittleEndian(_bytes.GetSpan(sizeof(int)), all.Count);
        _bytes.Advance(sizeof(int));
        foreach (var item in all)
        {
            write(this, item);
        }

        return this;
    }

    public CanonicalEncoding Texts(IEnumerable<string> values) => List(values, (encoding, value) => encoding.Text(value));

    /// <summary>The first 64 bits of the SHA-256 of the encoding: equal for equal writes, in every process and release.</summary>
    public long Hash()
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(_bytes.WrittenSpan, hash);
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }

    private CanonicalEncoding Tag(byte tag)
    {
        _bytes.GetSpan(1)[0] = tag;
        _bytes.Advance(1);
        return this;
    }
}

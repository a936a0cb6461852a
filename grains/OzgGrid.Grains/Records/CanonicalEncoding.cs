using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OzgGrid.Grains.Records;

/// <summary>
/// An explicit, stable byte encoding of what a write asks (its kind, then each field written out in a fixed order),
/// reduced to 64 bits. Unlike a record's <c>ToString()</c> it does not change when a property is renamed or added, so a
/// retry after a deploy is still recognised as the same write. Values are tagged and length-prefixed, so two different
/// field lists never encode alike. The bytes are written into a buffer from the shared pool, which <see cref="Hash"/>
/// gives back: an encoding is made, hashed once and dropped, on every write.
/// </summary>
public sealed class CanonicalEncoding
{
    private const byte NullTag = 0;
    private const byte NumberTag = 1;
    private const byte TextTag = 2;
    private const byte ListTag = 3;

    private const int InitialBytes = 256;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBytes);
    private int _length;

    /// <param name="kind">Names the command and its encoding, e.g. <c>leistung.status/1</c>; a new encoding gets a new number.</param>
    public CanonicalEncoding(string kind) => Text(kind);

    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, _length);

    public CanonicalEncoding Number(long? value)
    {
        if (value is not { } number)
        {
            return Tag(NullTag);
        }

        Tag(NumberTag);
        BinaryPrimitives.WriteInt64LittleEndian(Next(sizeof(long)), number);
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
        BinaryPrimitives.WriteInt32LittleEndian(Next(sizeof(int)), length);
        Encoding.UTF8.GetBytes(value, Next(length));
        return this;
    }

    /// <summary>A list of items, each written by <paramref name="write"/>; the count first, so lists never run into each other.</summary>
    public CanonicalEncoding List<T>(IEnumerable<T> items, Action<CanonicalEncoding, T> write)
    {
        var all = items as IReadOnlyCollection<T> ?? [.. items];
        Tag(ListTag);
        BinaryPrimitives.WriteInt32LittleEndian(Next(sizeof(int)), all.Count);
        foreach (var item in all)
        {
            write(this, item);
        }

        return this;
    }

    public CanonicalEncoding Texts(IEnumerable<string> values) => List(values, (encoding, value) => encoding.Text(value));

    /// <summary>
    /// The first 64 bits of the SHA-256 of the encoding: equal for equal writes, in every process and release. Ends the
    /// encoding: its buffer goes back to the pool.
    /// </summary>
    public long Hash()
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Bytes, hash);
        var buffer = _buffer;
        (_buffer, _length) = ([], 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }

    private CanonicalEncoding Tag(byte tag)
    {
        Next(1)[0] = tag;
        return this;
    }

    /// <summary>The next <paramref name="count"/> bytes of the encoding, to be written now.</summary>
    private Span<byte> Next(int count)
    {
        if (_length + count > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
            Bytes.CopyTo(larger);
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }

            _buffer = larger;
        }

        var next = _buffer.AsSpan(_length, count);
        _length += count;
        return next;
    }
}

using System.Buffers;
using System.Buffers.Binary;

namespace OzgGrid.Grains.Records;

/// <summary>
/// The stored form of a record's unsealed changes, one buffer for them all: each change's encoded bytes behind their
/// length (4 bytes, little-endian), oldest first. The states a record writes one after another share it, each knowing how
/// much of it is theirs, so a write appends its one change instead of copying or holding an array per change.
/// </summary>
internal sealed class ChangeArena : IBufferWriter<byte>
{
    private const int LengthBytes = sizeof(int);

    /// <summary>The least room an arena grows to; it doubles as changes are added (a page of Leistung changes is ≈ 3 KB).</summary>
    private const int MinimumCapacity = 256;

    private byte[] _buffer;

    private ChangeArena(byte[] buffer, int length) => (_buffer, Length) = (buffer, length);

    /// <summary>How far the buffer is written, by whichever state wrote last.</summary>
    public int Length { get; private set; }

    /// <summary>A fresh arena holding <paramref name="prefix"/> (entries already in this form), with room for <paramref name="spare"/> more bytes.</summary>
    public static ChangeArena Holding(ReadOnlySpan<byte> prefix, int spare)
    {
        var buffer = new byte[prefix.Length + spare];
        prefix.CopyTo(buffer);
        return new ChangeArena(buffer, prefix.Length);
    }

    public ReadOnlyMemory<byte> Written(int length) => _buffer.AsMemory(0, length);

    /// <summary>Appends one entry: <paramref name="encode"/> writes the change's bytes, its length is put before them.</summary>
    public void Append<TState>(TState state, Action<TState, ChangeArena> encode)
    {
        var start = Length;
        GetSpan(LengthBytes);
        Advance(LengthBytes);
        encode(state, this);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(start), Length - start - LengthBytes);
    }

    /// <summary>The entries of <paramref name="packed"/>, oldest first.</summary>
    public static IEnumerable<ReadOnlyMemory<byte>> Entries(ReadOnlyMemory<byte> packed)
    {
        var position = 0;
        while (position < packed.Length)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(packed.Span[position..]);
            if (length < 0 || length > packed.Length - position - LengthBytes)
            {
                throw new InvalidOperationException($"Stored changes are cut short: an entry of {length} bytes at {position} of {packed.Length}.");
            }

            yield return packed.Slice(position + LengthBytes, length);
            position += LengthBytes + length;
        }
    }

    public void Advance(int count) => Length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(Length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(Length);
    }

    private void Reserve(int sizeHint)
    {
        var needed = Length + Math.Max(sizeHint, 1);
        if (needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(needed, Math.Max(MinimumCapacity, _buffer.Length * 2)));
        }
    }
}

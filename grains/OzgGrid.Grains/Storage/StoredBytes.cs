using System.Buffers;
using Orleans.Serialization;

namespace OzgGrid.Grains.Storage;

/// <summary>
/// A state's serialized bytes as <see cref="LocalMemoryGrainStorage"/> keeps them: in a buffer of the shared pool
/// (asked for, and up to <see cref="PooledUpTo"/>), handed back by <see cref="Release"/> when a newer write replaces
/// it; otherwise in an array of their own size (a state written once, or a large one such as a Land's register, which
/// is not written often enough for pooling to pay).
/// </summary>
internal sealed class StoredBytes
{
    public const int PooledUpTo = 64 * 1024;

    /// <summary>
    /// Where this thread serializes before the bytes are copied out at their size: serializing never awaits, so a
    /// thread uses it for one state at a time.
    /// </summary>
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_scratch;

    private readonly byte[] _buffer;
    private readonly int _length;
    private readonly bool _pooled;

    private StoredBytes(byte[] buffer, int length, bool pooled) => (_buffer, _length, _pooled) = (buffer, length, pooled);

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    public static StoredBytes Of<T>(Serializer serializer, T value, bool pooled)
    {
        var scratch = t_scratch ??= new ArrayBufferWriter<byte>(PooledUpTo / 8);
        scratch.ResetWrittenCount();
        try
        {
            serializer.Serialize(value, scratch);
            var length = scratch.WrittenCount;
            pooled &= length <= PooledUpTo;
            var buffer = pooled ? ArrayPool<byte>.Shared.Rent(length) : new byte[length];
            scratch.WrittenSpan.CopyTo(buffer);
            return new StoredBytes(buffer, length, pooled);
        }
        finally
        {
            if (scratch.Capacity > PooledUpTo)
            {
                // A large state grew it: do not keep that much per thread.
                t_scratch = null;
            }
        }
    }

    /// <summary>Gives the buffer back; call once, after no reader can reach these bytes any more.</summary>
    public void Release()
    {
        if (_pooled)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }
}

using Orleans.Serialization;

namespace OzgGrid.Grains.Records;

/// <summary>
/// A value that a state holds unchanged through many writes (a change of <see cref="UnsealedChanges{TChange}"/>, a
/// Leistung's catalogue entry), with its stored form once made: storing the states after the first copies its bytes
/// instead of encoding it anew (<see cref="EncodedConverter{T}"/>).
/// </summary>
[Immutable]
public sealed class Encoded<T>
{
    /// <summary>Made at most once: a state is stored by one write at a time, and two writers would make equal bytes.</summary>
    private byte[]? _bytes;

    public Encoded(T value) => Value = value;

    internal Encoded(T value, byte[] bytes) => (Value, _bytes) = (value, bytes);

    public T Value { get; }

    /// <summary>The stored form, once made.</summary>
    internal byte[]? Bytes => _bytes;

    internal byte[] EncodeWith(Serializer<T> serializer) => _bytes ??= serializer.SerializeToArray(Value);
}

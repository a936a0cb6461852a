using Orleans.Serialization;

namespace OzgGrid.Grains.Records;

/// <summary>Stores an <see cref="Encoded{T}"/> as its bytes, made the first time it is stored and reused after.</summary>
[RegisterConverter]
public sealed class EncodedConverter<T>(Serializer<T> serializer) : IConverter<Encoded<T>, EncodedSurrogate>
{
    public EncodedSurrogate ConvertToSurrogate(in Encoded<T> value) => new(value.EncodeWith(serializer));

    public Encoded<T> ConvertFromSurrogate(in EncodedSurrogate surrogate) =>
        new(serializer.Deserialize(surrogate.Bytes ?? throw new InvalidOperationException("An encoded value was stored without its bytes."))!, surrogate.Bytes);
}

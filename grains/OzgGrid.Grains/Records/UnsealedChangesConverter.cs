using Orleans.Serialization;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Records;

/// <summary>
/// Stores <see cref="UnsealedChanges{TChange}"/> as the encoded changes: a change is encoded the first time it is
/// stored and its bytes are reused by every later state that holds it; reading decodes each once.
/// </summary>
[RegisterConverter]
public sealed class UnsealedChangesConverter<TChange>(Serializer<TChange> serializer) : IConverter<UnsealedChanges<TChange>, UnsealedChangesSurrogate>
    where TChange : IRecordedChange
{
    public UnsealedChangesSurrogate ConvertToSurrogate(in UnsealedChanges<TChange> value)
    {
        var encoded = new byte[value.Count][];
        var index = 0;
        foreach (var entry in value.Entries)
        {
            encoded[index++] = entry.EncodeWith(serializer);
        }

        return new(encoded);
    }

    public UnsealedChanges<TChange> ConvertFromSurrogate(in UnsealedChangesSurrogate surrogate) =>
        new([.. (surrogate.Changes ?? []).Select(bytes => new Encoded<TChange>(serializer.Deserialize(bytes)!, bytes))]);
}

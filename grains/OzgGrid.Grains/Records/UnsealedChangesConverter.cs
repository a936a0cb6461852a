using System.Collections.Immutable;
using Orleans.Serialization;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Records;

/// <summary>
/// Stores <see cref="UnsealedChanges{TChange}"/> packed (<see cref="ChangeArena"/>): a change is encoded the first time
/// it is stored and its bytes are copied by every later state that holds it; reading decodes each once. States of
/// schema 2 held each change in an array of its own; they are read as before.
/// </summary>
[RegisterConverter]
public sealed class UnsealedChangesConverter<TChange>(Serializer<TChange> serializer) : IConverter<UnsealedChanges<TChange>, UnsealedChangesSurrogate>
    where TChange : IRecordedChange
{
    private readonly Action<TChange, ChangeArena> _encode = (change, arena) => serializer.Serialize(change, arena);

    public UnsealedChangesSurrogate ConvertToSurrogate(in UnsealedChanges<TChange> value) => new(null, value.Packed(_encode));

    public UnsealedChanges<TChange> ConvertFromSurrogate(in UnsealedChangesSurrogate surrogate)
    {
        if (surrogate.Separate is { } separate)
        {
            return UnsealedChanges<TChange>.Empty.AddRange(separate.Select(bytes => serializer.Deserialize(bytes)!));
        }

        var packed = surrogate.Packed;
        ImmutableArray<TChange> changes = [.. ChangeArena.Entries(packed).Select(entry => serializer.Deserialize(entry.Span)!)];
        return UnsealedChanges<TChange>.FromPacked(packed.Span, changes);
    }
}

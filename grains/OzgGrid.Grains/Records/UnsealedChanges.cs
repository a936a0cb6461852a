using System.Collections;
using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Records;

/// <summary>
/// A record's newest changes, oldest first, that do not fill a history page yet. They travel in the record's state, so
/// every write stores them again: their stored form is kept (<see cref="ChangeArena"/>), shared by the states that
/// follow each other, so that storing a state encodes only its new change and copies the others' bytes. Fewer than a
/// page, so an array: adding one copies at most 15 references, where a tree would make a path of new nodes.
/// </summary>
[Immutable]
public sealed class UnsealedChanges<TChange> : IReadOnlyList<TChange>
    where TChange : IRecordedChange
{
    public static readonly UnsealedChanges<TChange> Empty = new([], null, 0, 0);

    private readonly ImmutableArray<TChange> _changes;

    // The stored form of the first _encodedCount changes: _arena up to _encodedLength. Made when the state is first
    // stored; a state is stored by one write at a time, and two writers would make equal bytes.
    private ChangeArena? _arena;
    private int _encodedCount;
    private int _encodedLength;

    private UnsealedChanges(ImmutableArray<TChange> changes, ChangeArena? arena, int encodedCount, int encodedLength) =>
        (_changes, _arena, _encodedCount, _encodedLength) = (changes, arena, encodedCount, encodedLength);

    public int Count => _changes.Length;

    public TChange this[int index] => _changes[index];

    public UnsealedChanges<TChange> Add(TChange change) => new(_changes.Add(change), _arena, _encodedCount, _encodedLength);

    public UnsealedChanges<TChange> AddRange(IEnumerable<TChange> changes) => new(_changes.AddRange(changes), _arena, _encodedCount, _encodedLength);

    public ImmutableList<TChange> ToImmutableList() => [.. _changes];

    public IEnumerator<TChange> GetEnumerator() => ((IEnumerable<TChange>)_changes).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The stored form of all the changes; those not stored before are encoded by <paramref name="encode"/> now.</summary>
    internal ReadOnlyMemory<byte> Packed(Action<TChange, ChangeArena> encode)
    {
        if (_encodedCount < Count)
        {
            // Append to the arena this state shares with the one before it, unless a later state (of a write that
            // failed) wrote there already: then the bytes that are this state's move to an arena of its own.
            var arena = _arena is { } shared && shared.Length == _encodedLength
                ? shared
                : ChangeArena.Holding(_arena is null ? default : _arena.Written(_encodedLength).Span, spare: _encodedLength);
            for (var i = _encodedCount; i < Count; i++)
            {
                arena.Append(_changes[i], encode);
            }

            (_arena, _encodedCount, _encodedLength) = (arena, Count, arena.Length);
        }

        return _arena?.Written(_encodedLength) ?? ReadOnlyMemory<byte>.Empty;
    }

    /// <summary>Changes read in their stored form; storing them again copies those bytes.</summary>
    internal static UnsealedChanges<TChange> FromPacked(ReadOnlySpan<byte> packed, ImmutableArray<TChange> changes) =>
        changes.IsEmpty ? Empty : new(changes, ChangeArena.Holding(packed, spare: 0), changes.Length, packed.Length);
}

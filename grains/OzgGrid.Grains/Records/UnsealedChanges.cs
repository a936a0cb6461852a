using System.Collections;
using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Records;

/// <summary>
/// A record's newest changes, oldest first, that do not fill a history page yet. They travel in the record's state, so
/// every write stores them again: each is held <see cref="Encoded{T}"/> (<see cref="UnsealedChangesConverter{TChange}"/>),
/// so that storing a state copies bytes instead of encoding every change it holds anew. Fewer than a page, so an array:
/// adding one copies at most 15 references, where a tree would make a path of new nodes.
/// </summary>
[Immutable]
public sealed class UnsealedChanges<TChange> : IReadOnlyList<TChange>
    where TChange : IRecordedChange
{
    public static readonly UnsealedChanges<TChange> Empty = new(ImmutableArray<Encoded<TChange>>.Empty);

    internal UnsealedChanges(ImmutableArray<Encoded<TChange>> entries) => Entries = entries;

    internal ImmutableArray<Encoded<TChange>> Entries { get; }

    public int Count => Entries.Length;

    public TChange this[int index] => Entries[index].Value;

    public UnsealedChanges<TChange> Add(TChange change) => new(Entries.Add(new(change)));

    public UnsealedChanges<TChange> AddRange(IEnumerable<TChange> changes) =>
        new(Entries.AddRange(changes.Select(change => new Encoded<TChange>(change))));

    public ImmutableList<TChange> ToImmutableList() => [.. Entries.Select(entry => entry.Value)];

    public IEnumerator<TChange> GetEnumerator() => Entries.Select(entry => entry.Value).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

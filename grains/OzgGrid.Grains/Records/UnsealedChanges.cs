using System.Collections;
using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Records;

/// <summary>
/// A record's newest changes, oldest first, that do not fill a history page yet. They travel in the record's state, so
/// every write stores them again: each is held with its encoded form (<see cref="UnsealedChangesConverter{TChange}"/>),
/// made once, the first time a state holding it is stored, so that storing a state copies bytes instead of encoding
/// every change it holds anew.
/// </summary>
[Immutable]
public sealed class UnsealedChanges<TChange> : IReadOnlyList<TChange>
    where TChange : IRecordedChange
{
    public static readonly UnsealedChanges<TChange> Empty = new(ImmutableList<EncodedChange<TChange>>.Empty);

    internal UnsealedChanges(ImmutableList<EncodedChange<TChange>> entries) => Entries = entries;

    internal ImmutableList<EncodedChange<TChange>> Entries { get; }

    public int Count => Entries.Count;

    public TChange this[int index] => Entries[index].Change;

    public UnsealedChanges<TChange> Add(TChange change) => new(Entries.Add(new(change, null)));

    public UnsealedChanges<TChange> AddRange(IEnumerable<TChange> changes) =>
        new(Entries.AddRange(changes.Select(change => new EncodedChange<TChange>(change, null))));

    public ImmutableList<TChange> ToImmutableList() => [.. Entries.Select(entry => entry.Change)];

    public IEnumerator<TChange> GetEnumerator() => Entries.Select(entry => entry.Change).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

using OzgGrid.Grains.Abstractions.Changes;

namespace OzgGrid.Grains.Records;

/// <summary>
/// One change of <see cref="UnsealedChanges{TChange}"/> and its stored form once made. The form is made at most once per
/// change by the storage serializer; a state is stored by one write at a time, and two writers would make equal bytes.
/// </summary>
internal sealed class EncodedChange<TChange>(TChange change, byte[]? encoded)
    where TChange : IRecordedChange
{
    public TChange Change { get; } = change;

    public byte[]? Encoded { get; set; } = encoded;
}

using OzgGrid.Grains.Abstractions.Changes;
using OzgGrid.Grains.Changes;

namespace OzgGrid.Grains.Leistungen;

/// <summary>
/// How a write is recognised when it comes again: its request key (<see cref="LeistungReceipts.KeyOf"/>) and the
/// fingerprint of what it asks. Both are hashes, made once per write.
/// </summary>
public readonly record struct RememberedWrite(long RequestKey, long Fingerprint)
{
    public static RememberedWrite Of(WriteCommand command, string description) =>
        new(LeistungReceipts.KeyOf(command.RequestId), Fingerprints.Of(description));
}

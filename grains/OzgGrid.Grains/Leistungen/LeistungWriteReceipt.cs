using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Leistungen;

/// <summary>
/// An answered write of a Leistung as it is remembered for retries: small, because a Leistung remembers many and
/// stores them with every change. The request id is kept as its 64-bit key (<see cref="LeistungReceipts.KeyOf"/>);
/// the answer's status and stamp are those of the change record of <see cref="Version"/>; its Zuständigkeit is the
/// state's own instance, which storage writes once for all receipts.
/// </summary>
public sealed record LeistungWriteReceipt(long RequestKey, long Fingerprint, long Version, Zustaendigkeit? Zustaendigkeit);

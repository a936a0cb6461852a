using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Leistungen;

/// <summary>
/// An answered write of a Leistung as it is remembered for retries: small, because a Leistung remembers many and
/// stores them with every change. The answer's status and stamp are those of the change record of
/// <see cref="Version"/>; its Zuständigkeit is the state's own instance, which storage writes once for all receipts.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.LeistungWriteReceipt")]
public sealed record LeistungWriteReceipt(
    [property: Id(0)] string RequestId,
    [property: Id(1)] long Fingerprint,
    [property: Id(2)] long Version,
    [property: Id(3)] Zustaendigkeit? Zustaendigkeit);

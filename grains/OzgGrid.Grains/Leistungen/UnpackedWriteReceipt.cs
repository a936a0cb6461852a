using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Leistungen;

/// <summary>
/// An answered write as releases before <see cref="LeistungReceipts"/> stored it, one object each with its request id;
/// read from old states only, and turned into a <see cref="LeistungWriteReceipt"/> on activation.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.LeistungWriteReceipt")]
public sealed record UnpackedWriteReceipt(
    [property: Id(0)] string RequestId,
    [property: Id(1)] long Fingerprint,
    [property: Id(2)] long Version,
    [property: Id(3)] Zustaendigkeit? Zustaendigkeit)
{
    public LeistungWriteReceipt ToReceipt() => new(LeistungReceipts.KeyOf(RequestId), Fingerprint, Version, Zustaendigkeit);
}

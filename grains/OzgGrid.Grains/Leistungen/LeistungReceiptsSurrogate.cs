using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Leistungen;

/// <summary>How <see cref="LeistungReceipts"/> are stored: see <see cref="LeistungReceiptsConverter"/>.</summary>
/// <param name="Packed">Per receipt: Zuständigkeit index (int32), fingerprint (int64), version (int64), request id (int32 length + UTF-8).</param>
/// <param name="Zustaendigkeiten">The distinct Zuständigkeiten the receipts name (usually one), indexed from <paramref name="Packed"/>.</param>
[GenerateSerializer, Alias("ozg.LeistungReceipts")]
public readonly record struct LeistungReceiptsSurrogate(
    [property: Id(0)] byte[] Packed,
    [property: Id(1)] Zustaendigkeit?[] Zustaendigkeiten);

using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Leistungen;

/// <summary>How <see cref="LeistungReceipts"/> are stored: see <see cref="LeistungReceiptsConverter"/>.</summary>
/// <param name="Packed">
/// As the previous release wrote them, read only: per receipt Zuständigkeit index (int32), fingerprint (int64),
/// version (int64), request id (int32 length + UTF-8).
/// </param>
/// <param name="Zustaendigkeiten">The distinct Zuständigkeiten the receipts name (usually one), indexed from the receipts.</param>
/// <param name="Keyed">Per receipt, 28 bytes: Zuständigkeit index (int32), request key, fingerprint and version (int64 each).</param>
[GenerateSerializer, Alias("ozg.LeistungReceipts")]
public readonly record struct LeistungReceiptsSurrogate(
    [property: Id(0)] byte[]? Packed,
    [property: Id(1)] Zustaendigkeit?[] Zustaendigkeiten,
    [property: Id(2)] byte[]? Keyed);

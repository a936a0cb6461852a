namespace OzgGrid.Grains.Records;

/// <summary>
/// How <see cref="WriteReceipts"/> are stored: see <see cref="WriteReceiptsConverter"/>. <see cref="Recent"/> is absent
/// in states stored before the receipts were held in two parts: all were in <see cref="Packed"/>.
/// </summary>
[GenerateSerializer, Alias("ozg.WriteReceipts")]
public readonly record struct WriteReceiptsSurrogate([property: Id(0)] byte[]? Packed, [property: Id(1)] byte[]? Recent = null);

namespace OzgGrid.Grains.Records;

/// <summary>How <see cref="WriteReceipts"/> are stored: see <see cref="WriteReceiptsConverter"/>.</summary>
[GenerateSerializer, Alias("ozg.WriteReceipts")]
public readonly record struct WriteReceiptsSurrogate([property: Id(0)] byte[]? Packed);

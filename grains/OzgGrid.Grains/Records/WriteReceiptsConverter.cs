namespace OzgGrid.Grains.Records;

/// <summary>
/// Stores <see cref="WriteReceipts"/> packed: 24 bytes per receipt (request key, fingerprint, version; little-endian),
/// the older and the recent ones apart. They are held in that form already, so neither direction copies them.
/// </summary>
[RegisterConverter]
public sealed class WriteReceiptsConverter : IConverter<WriteReceipts, WriteReceiptsSurrogate>
{
    public WriteReceiptsSurrogate ConvertToSurrogate(in WriteReceipts value) => new(value.Older, value.Recent);

    public WriteReceipts ConvertFromSurrogate(in WriteReceiptsSurrogate surrogate) => WriteReceipts.FromPacked(surrogate.Packed ?? [], surrogate.Recent);
}

namespace OzgGrid.Grains.Records;

/// <summary>
/// Stores <see cref="WriteReceipts"/> packed: 24 bytes per receipt (request key, fingerprint, version; little-endian).
/// They are held in that form already, so neither direction copies them.
/// </summary>
[RegisterConverter]
public sealed class WriteReceiptsConverter : IConverter<WriteReceipts, WriteReceiptsSurrogate>
{
    public WriteReceiptsSurrogate ConvertToSurrogate(in WriteReceipts value) => new(value.Packed);

    public WriteReceipts ConvertFromSurrogate(in WriteReceiptsSurrogate surrogate) => WriteReceipts.FromPacked(surrogate.Packed ?? []);
}

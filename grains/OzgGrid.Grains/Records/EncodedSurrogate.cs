namespace OzgGrid.Grains.Records;

/// <summary>How an <see cref="Encoded{T}"/> is stored: see <see cref="EncodedConverter{T}"/>.</summary>
[GenerateSerializer, Alias("ozg.Encoded")]
public readonly record struct EncodedSurrogate([property: Id(0)] byte[]? Bytes);

namespace OzgGrid.Grains.Records;

/// <summary>
/// How <see cref="UnsealedChanges{TChange}"/> are stored: the changes' encoded forms one after another, each behind its
/// length (<see cref="ChangeArena"/>), oldest first. <see cref="Separate"/>: schema 2, each change's form in an array of
/// its own.
/// </summary>
[GenerateSerializer, Alias("ozg.UnsealedChanges")]
public readonly record struct UnsealedChangesSurrogate([property: Id(0)] byte[][]? Separate, [property: Id(1)] ReadOnlyMemory<byte> Packed);

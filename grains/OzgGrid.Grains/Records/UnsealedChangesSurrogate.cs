namespace OzgGrid.Grains.Records;

/// <summary>How <see cref="UnsealedChanges{TChange}"/> are stored: each change in its own encoded form, oldest first.</summary>
[GenerateSerializer, Alias("ozg.UnsealedChanges")]
public readonly record struct UnsealedChangesSurrogate([property: Id(0)] byte[][]? Changes);

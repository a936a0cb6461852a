namespace OzgGrid.Grains.Records;

/// <summary>
/// How a kind of record is stored and named: <paramref name="State"/> as in its <c>[PersistentState]</c>,
/// <paramref name="History"/> the prefix of its history pages, <paramref name="Kind"/> what messages call it.
/// </summary>
public sealed record RecordNames(string State, string History, string Kind);

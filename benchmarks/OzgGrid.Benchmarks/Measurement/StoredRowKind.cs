namespace OzgGrid.Benchmarks.Measurement;

/// <summary>
/// One kind of row in OzgGrid's PostgreSQL storage table (a GrainTypeString: a grain type's state of one storage name)
/// of one ServiceId: how many rows, how many writes they took (the sum of their versions, 1 per insert and update), the
/// median payload.
/// </summary>
public sealed record StoredRowKind(string Kind, long Rows, long Writes, int MedianPayloadBytes);

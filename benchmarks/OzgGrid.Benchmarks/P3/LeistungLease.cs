namespace OzgGrid.Benchmarks.P3;

/// <summary>A Leistung taken from the <see cref="LeistungPool"/> for one update, with its Reifegrad as last acknowledged.</summary>
public readonly record struct LeistungLease(int OzgId, int Reifegrad);

using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Ingest;

/// <summary>One (Leistung, Kommune) row of the report, as both sides write it.</summary>
public sealed record IngestEntry(int OzgId, string Ags, KommuneVerfuegbarkeit Verfuegbarkeit, int Reifegrad);

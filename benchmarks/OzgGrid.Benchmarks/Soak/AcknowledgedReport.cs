using OzgGrid.Protos.V1;

namespace OzgGrid.Benchmarks.Soak;

/// <summary>A rollout report OzgGrid acknowledged: the entry's version and Verfügbarkeit as answered.</summary>
public sealed record AcknowledgedReport(int OzgId, string Ags, long Version, KommuneVerfuegbarkeit Verfuegbarkeit);

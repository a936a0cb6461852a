namespace OzgGrid.Benchmarks.Ingest;

/// <summary>The settings of one <see cref="DurableIngest"/> benchmark.</summary>
/// <param name="Leistungen">How many of the catalogue's Leistungen the Land reports (all 557 with <c>--full</c>).</param>
public sealed record IngestOptions(int Leistungen, int BatchSize, int Parallelism, int TransactionSize, bool Full)
{
    /// <summary>The default run stays short; <c>--full</c> reports every Leistung.</summary>
    public const int ShortLeistungen = 40;

    /// <summary>Germany's Gemeinden (Destatis, Gebietsstand 30.11.2025), for the extrapolation to all of Germany.</summary>
    public const int GemeindenDe = 10_751;

    public string ToArguments() =>
        Full
            ? $"ingest --full --batch {BatchSize} --parallel {Parallelism}"
            : $"ingest --leistungen {Leistungen} --batch {BatchSize} --parallel {Parallelism}";
}

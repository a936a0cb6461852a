namespace OzgGrid.Cli.Bulk;

/// <summary>
/// The outcomes of a bulk run, one per row in file order, and why the run stopped early if it did (no valid token,
/// no endpoint answering): then the rows not sent yet are <see cref="BulkOutcome.NotSent"/>.
/// </summary>
public sealed record BulkRunOutcome(IReadOnlyList<BulkOutcome> Rows, CliException? StoppedBecause);

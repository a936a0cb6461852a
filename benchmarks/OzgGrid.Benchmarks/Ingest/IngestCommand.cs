using System.CommandLine;

namespace OzgGrid.Benchmarks.Ingest;

/// <summary>`ingest`: the command line of <see cref="DurableIngest"/> (P7 durable ingest, issue 19).</summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var full = new Option<bool>("--full") { Description = "One Land's full report: every Leistung of the catalogue × NW's Kommunen (≈ 220 k entries)" };
        var leistungen = CommandOptions.Positive("--leistungen", "Leistungen reported (without --full)", IngestOptions.ShortLeistungen);
        var batch = CommandOptions.Positive("--batch", "Entries per ReportRollouts call (the API takes at most 1,000)", 1000);
        var parallel = CommandOptions.Positive("--parallel", "Calls under way at once (the raw side: as many transactions)", 4);

        var command = new Command("ingest", "P7 durable ingest (issue 19): one Land's rollout report through ReportRollouts into Azurite, against raw batched table upserts")
        {
            full, leistungen, batch, parallel,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var isFull = parsed.GetValue(full);
            var options = new IngestOptions(
                isFull ? int.MaxValue : parsed.GetValue(leistungen), parsed.GetValue(batch), parsed.GetValue(parallel), TransactionSize: 100, isFull);
            return await new DurableIngest(options, Console.Out).RunAsync(cancellationToken);
        });
        return command;
    }
}

using System.CommandLine;

namespace OzgGrid.Benchmarks.P4;

/// <summary>`p4`: the command line of <see cref="P4ResidentRollout"/>.</summary>
public static class P4Command
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "A smoke test: 1,000 and 5,000 entries instead of 1 k, 100 k and 1 M" };
        var national = new Option<bool>("--national") { Description = "Full scale: 1 k, 1 M and every entry of Germany (≈ 6 M: 557 Leistungen × 10,748 Kommunen)" };
        // 200, so that the p99 (nearest rank: the 198th) is not the slowest read alone, as with 50; the table shows the maximum too.
        var reads = CommandOptions.Positive("--reads", "Programme summary reads (GetProgrammeFigures over gRPC) and as many GetRollout reads measured at each level", 200);
        var batch = CommandOptions.Positive("--batch", "Entries per report to one (Leistung, Land) grain", 500);
        var parallel = CommandOptions.Positive("--parallel", "Reports under way at once while activating", 4);

        var command = new Command("p4", "Resident rollout: memory, programme summary and GetRollout read time at 1 k, 100 k and 1 M (Leistung, Kommune) entries (--national: 1 k, 1 M, ≈ 6 M)")
        {
            quick, national, reads, batch, parallel,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var isQuick = parsed.GetValue(quick);
            var isNational = !isQuick && parsed.GetValue(national);
            var levels = isQuick ? P4Options.QuickLevels : isNational ? P4Options.NationalLevels : P4Options.FullLevels;
            var options = new P4Options(levels, parsed.GetValue(reads), parsed.GetValue(batch), parsed.GetValue(parallel), isQuick, isNational);
            return await new P4ResidentRollout(options, Console.Out).RunAsync(cancellationToken);
        });
        return command;
    }
}

namespace OzgGrid.Benchmarks.P4;

/// <summary>The settings of one <see cref="P4ResidentRollout"/> benchmark.</summary>
public sealed record P4Options(IReadOnlyList<int> Levels, int Reads, int BatchSize, int Parallelism, bool Quick, bool National = false)
{
    public static readonly int[] FullLevels = [1_000, 100_000, 1_000_000];
    public static readonly int[] QuickLevels = [1_000, 5_000];

    /// <summary>The last level is more than there are entries: every (Leistung, Kommune) of Germany.</summary>
    public static readonly int[] NationalLevels = [1_000, 1_000_000, 7_000_000];

    /// <summary>The arguments that reproduce this benchmark.</summary>
    public string ToArguments() =>
        Quick
            ? $"p4 --quick --reads {Reads} --batch {BatchSize} --parallel {Parallelism}"
            : $"p4{(National ? " --national" : string.Empty)} --reads {Reads} --batch {BatchSize} --parallel {Parallelism}";
}

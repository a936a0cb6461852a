namespace OzgGrid.Benchmarks.P4;

/// <summary>The settings of one <see cref="P4ResidentRollout"/> benchmark.</summary>
public sealed record P4Options(IReadOnlyList<int> Levels, int Reads, int BatchSize, int Parallelism, bool Quick)
{
    public static readonly int[] FullLevels = [1_000, 100_000, 1_000_000];
    public static readonly int[] QuickLevels = [1_000, 5_000];

    /// <summary>The arguments that reproduce this benchmark.</summary>
    public string ToArguments() =>
        Quick
            ? $"p4 --quick --reads {Reads} --batch {BatchSize} --parallel {Parallelism}"
            : $"p4 --reads {Reads} --batch {BatchSize} --parallel {Parallelism}";
}

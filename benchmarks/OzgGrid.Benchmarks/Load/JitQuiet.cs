using System.Diagnostics;
using System.Runtime;

namespace OzgGrid.Benchmarks.Load;

/// <summary>
/// Waits until the JIT compiler has gone quiet: a fresh host in this process compiles its own dynamic methods
/// (dependency injection, endpoints) and tiers up its start-up code for several seconds under load, at up to two thirds
/// of a core. Measured then, a side pays for its start, not for its calls.
/// </summary>
public static class JitQuiet
{
    /// <summary>Quiet: fewer methods than this compiled in the last second (a steady load still tiers up a few).</summary>
    public const int MethodsPerSecond = 20;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>Waits at least <paramref name="minimum"/>, then until the JIT is quiet or <paramref name="maximum"/> has passed.</summary>
    /// <returns>The time waited, and whether the JIT went quiet within it.</returns>
    public static async Task<(TimeSpan Waited, bool Quiet)> WaitAsync(TimeSpan minimum, TimeSpan maximum, CancellationToken cancellationToken)
    {
        var startedAt = Stopwatch.GetTimestamp();
        await Task.Delay(minimum, cancellationToken);

        // The compiled-method count of the last second, one sample per poll.
        var window = new Queue<long>();
        window.Enqueue(JitInfo.GetCompiledMethodCount());
        var samplesPerSecond = (int)(TimeSpan.FromSeconds(1) / Poll);
        while (Stopwatch.GetElapsedTime(startedAt) < maximum)
        {
            if (window.Count > samplesPerSecond && window.Last() - window.Peek() < MethodsPerSecond)
            {
                return (Stopwatch.GetElapsedTime(startedAt), true);
            }

            await Task.Delay(Poll, cancellationToken);
            window.Enqueue(JitInfo.GetCompiledMethodCount());
            if (window.Count > samplesPerSecond + 1)
            {
                window.Dequeue();
            }
        }

        return (Stopwatch.GetElapsedTime(startedAt), false);
    }
}

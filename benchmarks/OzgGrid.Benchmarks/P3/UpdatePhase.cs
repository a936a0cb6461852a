using System.Diagnostics;

namespace OzgGrid.Benchmarks.P3;

/// <summary>What one paced stretch of updates did: a sample per scheduled update, in schedule order.</summary>
public sealed class UpdatePhase(UpdateSample[] samples, long startedAt)
{
    public IReadOnlyList<UpdateSample> Samples => samples;

    public int Scheduled => samples.Length;

    public int NotSent => Count(UpdateOutcome.NotSent);

    public int Applied => Count(UpdateOutcome.Applied);

    public int Unchanged => Count(UpdateOutcome.Unchanged);

    public int Failed => Count(UpdateOutcome.Failed);

    /// <summary>Acknowledged updates per second, from the start of the schedule to the last acknowledgement.</summary>
    public double AchievedRate
    {
        get
        {
            var acked = samples.Where(sample => sample.Outcome is UpdateOutcome.Applied or UpdateOutcome.Unchanged).ToList();
            if (acked.Count == 0)
            {
                return 0;
            }

            var seconds = (acked.Max(sample => sample.AckedAt) - startedAt) / (double)Stopwatch.Frequency;
            return acked.Count / seconds;
        }
    }

    /// <summary>"UNAVAILABLE ×3, ABORTED ×1", or empty.</summary>
    public string FailureSummary => string.Join(", ", samples
        .Where(sample => sample.Outcome == UpdateOutcome.Failed)
        .GroupBy(sample => sample.Status)
        .Select(group => $"{group.Key} ×{group.Count()}"));

    private int Count(UpdateOutcome outcome) => samples.Count(sample => sample.Outcome == outcome);
}

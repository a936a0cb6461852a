using Microsoft.Extensions.Logging;

namespace OzgGrid.Grains.Changes;

/// <summary>
/// Calls a grain again from outside it after a while: the retry of a write whose grain had to deactivate (its own state
/// write failed, so its retry timer went with it) while no reminder could be registered either, since reminders live in
/// the same storage. A service of the silo; the periodic reconciliation is the repair when the silo itself stops.
/// </summary>
public sealed class DeferredRetries(ILogger<DeferredRetries> logger)
{
    /// <summary>How often a retry whose call fails (the grain cannot activate while storage is down) is tried again.</summary>
    private const int MaxAttempts = 60;

    /// <summary>Calls <paramref name="retry"/> after <paramref name="interval"/>, again while the call fails.</summary>
    public void Schedule(TimeSpan interval, Func<Task> retry, string what)
    {
        // Off the calling grain's scheduler and without its request context: the retry belongs to no grain's turn.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => RunAsync(interval, retry, what));
        }
    }

    private async Task RunAsync(TimeSpan interval, Func<Task> retry, string what)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            await Task.Delay(interval);
            try
            {
                await retry();
                return;
            }
            catch (Exception fault) when (attempt < MaxAttempts)
            {
                logger.LogDebug(fault, "{What}: retry {Attempt} failed", what, attempt);
            }
            catch (Exception fault)
            {
                logger.LogWarning(fault, "{What}: still failing after {Attempts} retries; the periodic reconciliation repairs it", what, attempt);
            }
        }
    }
}

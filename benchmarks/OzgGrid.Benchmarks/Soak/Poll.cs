namespace OzgGrid.Benchmarks.Soak;

/// <summary>Polling with a deadline, for the soak's waits on processes and on convergence.</summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>Asks <paramref name="done"/> until it says true (true) or <paramref name="timeout"/> has passed (false); a throwing attempt counts as not yet.</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> done, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                if (await done())
                {
                    return true;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Not yet: a process that is not listening, a cluster that is not ready.
            }

            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(Interval, cancellationToken);
        }
    }

    /// <summary>As <see cref="UntilAsync"/>, but a timeout is an error saying what did not happen.</summary>
    public static async Task RequireAsync(Func<Task<bool>> done, TimeSpan timeout, string what, CancellationToken cancellationToken = default)
    {
        if (!await UntilAsync(done, timeout, cancellationToken))
        {
            throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}.");
        }
    }
}

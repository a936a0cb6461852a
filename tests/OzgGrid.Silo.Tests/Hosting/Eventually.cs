namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>Polls a condition until it holds or a deadline passes; never a fixed sleep.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long the last read may take beyond the deadline.</summary>
    private static readonly TimeSpan ReadGrace = TimeSpan.FromSeconds(30);

    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> read, Func<T, bool> holds, string expectation, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            // A read that never answers fails the test here, naming what was awaited, instead of holding the run.
            var reading = read();
            T value;
            try
            {
                var allowed = deadline - DateTime.UtcNow + ReadGrace;
                value = await reading.WaitAsync(allowed > TimeSpan.Zero ? allowed : TimeSpan.Zero);
            }
            catch (TimeoutException) when (!reading.IsCompleted)
            {
                throw new TimeoutException($"Expected {expectation}, but a read did not answer within {limit} and {ReadGrace} more");
            }

            if (holds(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {expectation} within {limit}; last seen: {value}");
            }

            await Task.Delay(50);
        }
    }
}

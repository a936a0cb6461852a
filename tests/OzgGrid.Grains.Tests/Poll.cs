namespace OzgGrid.Grains.Tests;

/// <summary>Waits for what a grain does after it has answered: polls with a deadline, never a fixed sleep.</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> holds, string expectation, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (holds(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Expected {expectation} within {timeout.TotalSeconds:0} s.");
            await Task.Delay(50);
        }
    }
}

namespace OzgGrid.Grains.Tests;

/// <summary>
/// Grain keys no other test uses: far above the catalogue's OZG-IDs (10000–10601) and Themenfelder (1–14),
/// with a random start so that a cluster kept between runs would not see the same keys again.
/// </summary>
public static class FreshKeys
{
    private static int _last = 900_000 + Random.Shared.Next(0, 1_000_000);

    public static int Next() => Interlocked.Increment(ref _last);
}

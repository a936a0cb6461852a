using OzgGrid.Grains.Abstractions.Monitoring;
using OzgGrid.Grains.Monitoring;

namespace OzgGrid.Grains.Tests.Monitoring;

/// <summary>Reads what a silo's hub passes on to a stream, as a watcher's stream would.</summary>
internal static class HubSubscriptionReading
{
    /// <summary>Reads on until a published change matches; after <paramref name="timeout"/>, a timeout naming <paramref name="expectation"/>.</summary>
    public static async Task<PublishedChange> PublishedAsync(
        this HubSubscription subscription, Func<PublishedChange, bool> match, string expectation, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                if (await subscription.Messages.ReadAsync(deadline.Token) is HubMessage.Changes changes && changes.Published.FirstOrDefault(match) is { } found)
                {
                    return found;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Expected {expectation} within {timeout}.");
        }
    }

    /// <summary>Reads on until the Leistung <paramref name="ozgId"/> is published at <paramref name="version"/> or later.</summary>
    public static Task<PublishedChange> LeistungPublishedAsync(this HubSubscription subscription, int ozgId, long version, TimeSpan timeout) =>
        subscription.PublishedAsync(
            p => p.Change.Leistung.OzgId == ozgId && p.Change.Leistung.Version >= version, $"version {version} of {ozgId} published", timeout);
}

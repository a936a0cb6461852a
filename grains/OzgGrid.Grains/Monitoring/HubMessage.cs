using System.Collections.Immutable;
using OzgGrid.Grains.Abstractions.Monitoring;

namespace OzgGrid.Grains.Monitoring;

/// <summary>What a hub passes to one stream: published changes, or word that the stream needs a fresh snapshot.</summary>
public abstract record HubMessage
{
    public sealed record Changes(long Epoch, ImmutableArray<PublishedChange> Published) : HubMessage;

    public sealed record Resync : HubMessage;
}

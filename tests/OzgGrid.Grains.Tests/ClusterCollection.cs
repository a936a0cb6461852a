namespace OzgGrid.Grains.Tests;

/// <summary>The grain tests that share one cluster (all but the full catalogue import, which has its own).</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

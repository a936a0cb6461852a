namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>Table, blob container and service id of one test's data in the shared Azurite.</summary>
public sealed record StorageScope(string ServiceId, string TableName, string BlobContainer)
{
    public static StorageScope CreateNew()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        return new($"ozgtest-{id}", $"OzgTest{id}", $"ozgtest-{id}");
    }
}

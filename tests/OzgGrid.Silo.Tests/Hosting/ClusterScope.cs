using OzgGrid.Gateway.Identity;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>
/// What the hosts of one test cluster share and no other test host sees: service id, table and blob container in the
/// shared Azurite, and the key that signs the test's tokens.
/// </summary>
public sealed record ClusterScope(string ServiceId, string TableName, string BlobContainer, AuthOptions Auth)
{
    public static ClusterScope CreateNew()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var auth = new AuthOptions { Issuer = $"ozgtest-{id}", SigningKeys = [AuthOptions.NewKey()] };
        return new($"ozgtest-{id}", $"OzgTest{id}", $"ozgtest-{id}", auth);
    }
}

namespace OzgGrid.Grains.Abstractions.Rollout;

/// <summary>The string keys of the rollout grains.</summary>
public static class RolloutKeys
{
    public static string Entry(int ozgId, string ags) => $"{ozgId}/{ags}";

    public static string Land(int ozgId, string landKuerzel) => $"{ozgId}/{landKuerzel}";

    /// <summary>The OZG-ID and the part after the slash ("{ozgId}/{rest}") of a rollout grain's key.</summary>
    public static (int OzgId, string Part) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (int.Parse(key.AsSpan(0, slash), System.Globalization.CultureInfo.InvariantCulture), key[(slash + 1)..]);
    }
}

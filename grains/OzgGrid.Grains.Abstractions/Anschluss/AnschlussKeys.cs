namespace OzgGrid.Grains.Abstractions.Anschluss;

/// <summary>The key of an <see cref="IAnschlussGrain"/>: "{onlinedienst id}/{land kürzel}".</summary>
public static class AnschlussKeys
{
    public static string Of(string onlinedienstId, string land) => $"{onlinedienstId}/{land}";

    public static (string OnlinedienstId, string Land) Parse(string key)
    {
        var slash = key.LastIndexOf('/');
        return (key[..slash], key[(slash + 1)..]);
    }

    /// <summary>The Kreis of a Kommune: the first five digits of its AGS.</summary>
    public static string Kreis(string ags) => ags[..5];
}

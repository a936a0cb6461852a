namespace OzgGrid.Grains.Abstractions.Errors;

/// <summary>A write that would grow a collection beyond its limit (<see cref="Limits"/>); nothing was changed.</summary>
[GenerateSerializer, Alias("ozg.CollectionLimitException")]
public sealed class CollectionLimitException(string message) : Exception(message)
{
    /// <summary>Refuses growing <paramref name="what"/>, which holds <paramref name="count"/> of at most <paramref name="limit"/>.</summary>
    public static CollectionLimitException Of(string what, string setting, int limit, int count) =>
        new($"{what} holds {count} of at most {limit} (limit {Limits.Section}:{setting}); remove one first or ask the operator to raise the limit.");

    /// <summary>Refuses replacing <paramref name="what"/> by <paramref name="asked"/> items, more than <paramref name="limit"/>.</summary>
    public static CollectionLimitException Replacing(string what, string setting, int limit, int asked) =>
        new($"{what} would hold {asked}, more than its limit of {limit} (limit {Limits.Section}:{setting}).");
}

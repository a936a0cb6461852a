using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Themenfelder;

/// <summary>Leadership of a Themenfeld: a Bundesressort (empty while unknown) and Länder by kürzel.</summary>
[GenerateSerializer, Immutable, Alias("ozg.Federfuehrung")]
public sealed record Federfuehrung([property: Id(0)] string Bundesressort, [property: Id(1)] ImmutableSortedSet<string> Laender)
{
    public override string ToString() => $"{Bundesressort} [{string.Join(", ", Laender)}]";

    public bool SameAs(Federfuehrung? other) =>
        other is not null && Bundesressort == other.Bundesressort && Laender.SetEquals(other.Laender);
}

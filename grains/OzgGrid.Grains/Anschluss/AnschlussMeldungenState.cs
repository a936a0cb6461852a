using System.Collections.Immutable;

namespace OzgGrid.Grains.Anschluss;

/// <summary>
/// Which Go-Lives the Anschluss record has reported into the Land rollouts ("{ags}/{go-live date}"), so that a
/// reactivation reports only what is still open. Not part of the record: it is delivery, not a change anyone made.
/// </summary>
[GenerateSerializer, Alias("ozg.AnschlussMeldungenState")]
public sealed record AnschlussMeldungenState
{
    [Id(0)]
    public ImmutableSortedSet<string> Gemeldet { get; init; } = [];
}

using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Anschluss;

/// <summary>
/// When a Leistung becomes flächendeckend in a Land: its responsible Kommunen, those online, those still missing (in
/// AGS order) and the date the last planned Go-Live of a missing Kommune gives (null when one has none planned, or
/// none is missing: see <see cref="Flaechendeckend"/>).
/// </summary>
public sealed record AnschlussPrognose(
    int OzgId,
    string Land,
    int Zustaendige,
    int Online,
    ImmutableArray<FehlendeKommune> Fehlende,
    DateOnly? FlaechendeckendAb,
    int OhneGeplantenGoLive)
{
    public bool Flaechendeckend => Fehlende.IsEmpty;
}

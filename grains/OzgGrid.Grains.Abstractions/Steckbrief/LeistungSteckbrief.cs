using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Steckbrief;

/// <summary>
/// What the programme management records about a Leistung beside its status: who carries it out
/// (<see cref="Ebenen"/>, empty until set) and its FIM building blocks (only those recorded).
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.LeistungSteckbrief")]
public sealed record LeistungSteckbrief(
    [property: Id(0)] int OzgId,
    [property: Id(1)] ImmutableSortedSet<Zustaendigkeitsebene> Ebenen,
    [property: Id(2)] ImmutableSortedDictionary<FimBaustein, FimEintrag> Fim)
{
    public static LeistungSteckbrief Empty(int ozgId) => new(ozgId, [], ImmutableSortedDictionary<FimBaustein, FimEintrag>.Empty);

    public FimStatus? StatusOf(FimBaustein baustein) => Fim.TryGetValue(baustein, out var eintrag) ? eintrag.Status : null;
}

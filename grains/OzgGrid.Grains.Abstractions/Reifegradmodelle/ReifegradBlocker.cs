using System.Collections.Immutable;

namespace OzgGrid.Grains.Abstractions.Reifegradmodelle;

/// <summary>
/// What holds a pair (Onlinedienst, LeiKa-Leistung) below <see cref="Zielstufe"/> of a model: the criteria rated below it
/// and the Basiskomponenten that level needs which the Onlinedienst does not use. Empty both: nothing holds it.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.ReifegradBlocker")]
public sealed record ReifegradBlocker(
    [property: Id(0)] ReifegradModellVersion Modell,
    [property: Id(1)] int Zielstufe,
    [property: Id(2)] int Stufe,
    [property: Id(3)] ImmutableArray<KriteriumUnterStufe> Kriterien,
    [property: Id(4)] ImmutableArray<Basiskomponente> FehlendeBasiskomponenten)
{
    public bool Erreicht => Kriterien.IsEmpty && FehlendeBasiskomponenten.IsEmpty;
}

namespace OzgGrid.Grains.Abstractions.Umsetzungsprojekte;

/// <summary>
/// The planned and actual dates of one phase (null: not set), and how often its plan was deferred with the last reason.
/// </summary>
[GenerateSerializer, Immutable, Alias("ozg.PhasenTermine")]
public sealed record PhasenTermine(
    [property: Id(0)] ProjektPhase Phase,
    [property: Id(1)] DateOnly? GeplanterBeginn,
    [property: Id(2)] DateOnly? GeplantesEnde,
    [property: Id(3)] DateOnly? Beginn,
    [property: Id(4)] DateOnly? Ende,
    [property: Id(5)] int Verschiebungen,
    [property: Id(6)] string Verschiebungsgrund)
{
    public static PhasenTermine Leer(ProjektPhase phase) => new(phase, null, null, null, null, 0, string.Empty);

    public override string ToString() =>
        $"{Phase} geplant {Day(GeplanterBeginn)}–{Day(GeplantesEnde)}, tatsächlich {Day(Beginn)}–{Day(Ende)}";

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd") ?? "-";
}

using System.Collections.Immutable;
using System.Globalization;

namespace OzgGrid.Grains.Abstractions.Anschluss;

/// <summary>The checklist of one Kommune: the items set so far.</summary>
[GenerateSerializer, Immutable, Alias("ozg.AnschlussKommune")]
public sealed record AnschlussKommune(
    [property: Id(0)] string Ags,
    [property: Id(1)] ImmutableSortedDictionary<AnschlussSchritt, AnschlussEintrag> Punkte)
{
    /// <summary>Online once the Go-Live is done and the Kommune confirmed it: a date alone may be a plan entered too early.</summary>
    public bool IstOnline => Punkte.ContainsKey(AnschlussSchritt.GoLiveErfolgt) && Punkte.ContainsKey(AnschlussSchritt.BestaetigtDurchKommune);

    /// <summary>The first item not set, in checklist order; null when all are.</summary>
    public AnschlussSchritt? ErsterOffenerSchritt =>
        Enum.GetValues<AnschlussSchritt>().Cast<AnschlussSchritt?>().FirstOrDefault(s => !Punkte.ContainsKey(s!.Value));

    public DateOnly? GoLiveGeplant => Datum(AnschlussSchritt.GoLiveGeplant);

    public DateOnly? GoLiveErfolgt => Datum(AnschlussSchritt.GoLiveErfolgt);

    /// <summary>Like a milestone: the planned Go-Live has passed and no actual Go-Live is recorded.</summary>
    public bool IstUeberfaellig(DateOnly heute) => GoLiveGeplant is { } geplant && geplant < heute && GoLiveErfolgt is null;

    private DateOnly? Datum(AnschlussSchritt schritt) =>
        Punkte.TryGetValue(schritt, out var eintrag)
            && DateOnly.TryParseExact(eintrag.Wert, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var datum)
            ? datum
            : null;
}

using System.Collections.Concurrent;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.Leistungen;

namespace OzgGrid.Grains.Abstractions.Monitoring;

/// <summary>
/// The programme figures are counters addressed by key; a Leistung adds one to each key in <see cref="Of"/>.
/// Keys read as paths: "reifegrad/3", "phase/Umsetzung", "themenfeld/6/reifegrad/3", "themenfeld/6/phase/RollOut",
/// "lage/26/reifegrad/2", "land/NW/verfuegbarkeit/Pilot", "land/NW/flaechendeckend",
/// "land/NW/in-mindestens-einer-kommune", and "leistungen", "ozg-konform", "online".
/// </summary>
public static class FigureKeys
{
    public const string Leistungen = "leistungen";
    public const string OzgKonform = "ozg-konform";
    public const string Online = "online";

    // Each key is made once: the aggregator asks for some forty of them per change, and there are only a few
    // thousand (Themenfelder, Lagen and Länder of the catalogue, times the values they count).
    private static readonly ConcurrentDictionary<(string Kind, int A, int B), string> Keys = new();
    private static readonly ConcurrentDictionary<(string Land, string Kind, int Value), string> LandKeys = new();

    public static string Reifegrad(int reifegrad) => Made(("reifegrad", reifegrad, 0), static id => $"reifegrad/{id.A}");

    public static string Phase(Umsetzungsphase phase) => Made(("phase", (int)phase, 0), static id => $"phase/{(Umsetzungsphase)id.A}");

    public static string Themenfeld(int themenfeldId) => Made(("themenfeld", themenfeldId, 0), static id => $"themenfeld/{id.A}");

    public static string ThemenfeldReifegrad(int themenfeldId, int reifegrad) =>
        Made(("themenfeld-reifegrad", themenfeldId, reifegrad), static id => $"themenfeld/{id.A}/reifegrad/{id.B}");

    public static string ThemenfeldPhase(int themenfeldId, Umsetzungsphase phase) =>
        Made(("themenfeld-phase", themenfeldId, (int)phase), static id => $"themenfeld/{id.A}/phase/{(Umsetzungsphase)id.B}");

    public static string Lage(int lageId) => Made(("lage", lageId, 0), static id => $"lage/{id.A}");

    public static string LageReifegrad(int lageId, int reifegrad) => Made(("lage-reifegrad", lageId, reifegrad), static id => $"lage/{id.A}/reifegrad/{id.B}");

    public static string LandVerfuegbarkeit(string land, Verfuegbarkeit verfuegbarkeit) =>
        MadeForLand((land, "verfuegbarkeit", (int)verfuegbarkeit), static id => $"land/{id.Land}/verfuegbarkeit/{(Verfuegbarkeit)id.Value}");

    public static string LandFlaechendeckend(string land) => MadeForLand((land, "flaechendeckend", 0), static id => $"land/{id.Land}/flaechendeckend");

    public static string LandInMindestensEinerKommune(string land) =>
        MadeForLand((land, "in-mindestens-einer-kommune", 0), static id => $"land/{id.Land}/in-mindestens-einer-kommune");

    /// <summary>The keys a Leistung in this state counts towards, one each.</summary>
    public static IEnumerable<string> Of(LeistungSummary leistung) => Of(leistung, laender: true);

    /// <summary>
    /// The keys a Leistung in this state counts towards; without <paramref name="laender"/> those of each Land's
    /// Verfügbarkeit are left out (they follow from the Verfügbarkeit alone, so a move that keeps it need not list them).
    /// </summary>
    public static IEnumerable<string> Of(LeistungSummary leistung, bool laender)
    {
        var status = leistung.Status;
        yield return Leistungen;
        yield return Reifegrad(status.Reifegrad);
        yield return Phase(status.Phase);
        yield return Themenfeld(leistung.ThemenfeldId);
        yield return ThemenfeldReifegrad(leistung.ThemenfeldId, status.Reifegrad);
        yield return ThemenfeldPhase(leistung.ThemenfeldId, status.Phase);
        yield return Lage(leistung.LageId);
        yield return LageReifegrad(leistung.LageId, status.Reifegrad);
        if (status.Reifegrad >= Abstractions.Leistungen.Reifegrad.OzgKonformFrom)
        {
            yield return OzgKonform;
        }

        var inAKommune = false;
        foreach (var land in LaenderRegister.All)
        {
            var verfuegbarkeit = status.VerfuegbarkeitIn(land.Kuerzel);
            if (!laender)
            {
                inAKommune |= verfuegbarkeit >= Verfuegbarkeit.InMindestensEinerKommune;
                continue;
            }

            yield return LandVerfuegbarkeit(land.Kuerzel, verfuegbarkeit);
            if (verfuegbarkeit >= Verfuegbarkeit.InMindestensEinerKommune)
            {
                inAKommune = true;
                yield return LandInMindestensEinerKommune(land.Kuerzel);
            }

            if (verfuegbarkeit == Verfuegbarkeit.Flaechendeckend)
            {
                yield return LandFlaechendeckend(land.Kuerzel);
            }
        }

        // "Online" as the programme counts it: Formular-Assistent or better, and available in at least one Kommune.
        if (status.Reifegrad >= Abstractions.Leistungen.Reifegrad.FormularAssistent && inAKommune)
        {
            yield return Online;
        }
    }

    private static string Made((string Kind, int A, int B) id, Func<(string Kind, int A, int B), string> make) => Keys.GetOrAdd(id, make);

    private static string MadeForLand((string Land, string Kind, int Value) id, Func<(string Land, string Kind, int Value), string> make) =>
        LandKeys.GetOrAdd(id, make);
}

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

    public static string Reifegrad(int reifegrad) => $"reifegrad/{reifegrad}";

    public static string Phase(Umsetzungsphase phase) => $"phase/{phase}";

    public static string Themenfeld(int themenfeldId) => $"themenfeld/{themenfeldId}";

    public static string ThemenfeldReifegrad(int themenfeldId, int reifegrad) => $"themenfeld/{themenfeldId}/reifegrad/{reifegrad}";

    public static string ThemenfeldPhase(int themenfeldId, Umsetzungsphase phase) => $"themenfeld/{themenfeldId}/phase/{phase}";

    public static string Lage(int lageId) => $"lage/{lageId}";

    public static string LageReifegrad(int lageId, int reifegrad) => $"lage/{lageId}/reifegrad/{reifegrad}";

    public static string LandVerfuegbarkeit(string land, Verfuegbarkeit verfuegbarkeit) => $"land/{land}/verfuegbarkeit/{verfuegbarkeit}";

    public static string LandFlaechendeckend(string land) => $"land/{land}/flaechendeckend";

    public static string LandInMindestensEinerKommune(string land) => $"land/{land}/in-mindestens-einer-kommune";

    /// <summary>The keys a Leistung in this state counts towards, one each.</summary>
    public static IEnumerable<string> Of(LeistungSummary leistung)
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
}

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

    // Each key is made once: the aggregator asks for some twenty of them per change, and there are only a few
    // thousand (Themenfelder, Lagen and Länder of the catalogue, times the values they count). Looked up by a number
    // made of the key's kind and values, which costs less to hash than the key's text.
    private static readonly ConcurrentDictionary<long, string> Keys = new();
    private static readonly ConcurrentDictionary<(string Land, long Id), string> LandKeys = new();

    public static string Reifegrad(int reifegrad) => Made(KeyKind.Reifegrad, reifegrad, 0);

    public static string Phase(Umsetzungsphase phase) => Made(KeyKind.Phase, (int)phase, 0);

    public static string Themenfeld(int themenfeldId) => Made(KeyKind.Themenfeld, themenfeldId, 0);

    public static string ThemenfeldReifegrad(int themenfeldId, int reifegrad) => Made(KeyKind.ThemenfeldReifegrad, themenfeldId, reifegrad);

    public static string ThemenfeldPhase(int themenfeldId, Umsetzungsphase phase) => Made(KeyKind.ThemenfeldPhase, themenfeldId, (int)phase);

    public static string Lage(int lageId) => Made(KeyKind.Lage, lageId, 0);

    public static string LageReifegrad(int lageId, int reifegrad) => Made(KeyKind.LageReifegrad, lageId, reifegrad);

    public static string LandVerfuegbarkeit(string land, Verfuegbarkeit verfuegbarkeit) => MadeForLand(land, KeyKind.LandVerfuegbarkeit, (int)verfuegbarkeit);

    public static string LandFlaechendeckend(string land) => MadeForLand(land, KeyKind.LandFlaechendeckend, 0);

    public static string LandInMindestensEinerKommune(string land) => MadeForLand(land, KeyKind.LandInMindestensEinerKommune, 0);

    /// <summary>The keys a Leistung in this state counts towards, one each.</summary>
    public static IEnumerable<string> Of(LeistungSummary leistung) => Of(leistung, laender: true);

    /// <summary>
    /// The keys a Leistung in this state counts towards; without <paramref name="laender"/> those of each Land's
    /// Verfügbarkeit are left out (they follow from the Verfügbarkeit alone, so a move that keeps it need not list them).
    /// </summary>
    public static IEnumerable<string> Of(LeistungSummary leistung, bool laender)
    {
        var keys = new List<string>();
        AddTo(keys, leistung, laender);
        return keys;
    }

    /// <summary>Adds the keys of <see cref="Of(LeistungSummary, bool)"/>, each once, to <paramref name="keys"/>.</summary>
    public static void AddTo(List<string> keys, LeistungSummary leistung, bool laender)
    {
        var status = leistung.Status;
        keys.Add(Leistungen);
        keys.Add(Reifegrad(status.Reifegrad));
        keys.Add(Phase(status.Phase));
        keys.Add(Themenfeld(leistung.ThemenfeldId));
        keys.Add(ThemenfeldReifegrad(leistung.ThemenfeldId, status.Reifegrad));
        keys.Add(ThemenfeldPhase(leistung.ThemenfeldId, status.Phase));
        keys.Add(Lage(leistung.LageId));
        keys.Add(LageReifegrad(leistung.LageId, status.Reifegrad));
        if (status.Reifegrad >= Abstractions.Leistungen.Reifegrad.OzgKonformFrom)
        {
            keys.Add(OzgKonform);
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

            keys.Add(LandVerfuegbarkeit(land.Kuerzel, verfuegbarkeit));
            if (verfuegbarkeit >= Verfuegbarkeit.InMindestensEinerKommune)
            {
                inAKommune = true;
                keys.Add(LandInMindestensEinerKommune(land.Kuerzel));
            }

            if (verfuegbarkeit == Verfuegbarkeit.Flaechendeckend)
            {
                keys.Add(LandFlaechendeckend(land.Kuerzel));
            }
        }

        // "Online" as the programme counts it: Formular-Assistent or better, and available in at least one Kommune.
        if (status.Reifegrad >= Abstractions.Leistungen.Reifegrad.FormularAssistent && inAKommune)
        {
            keys.Add(Online);
        }
    }

    private static long Id(KeyKind kind, int a, int b) => ((long)kind << 56) | ((long)(uint)a << 24) | (uint)(b & 0xFF_FFFF);

    private static string Made(KeyKind kind, int a, int b) => Keys.GetOrAdd(Id(kind, a, b), static (_, id) => Text(id.Kind, id.A, id.B), (Kind: kind, A: a, B: b));

    private static string MadeForLand(string land, KeyKind kind, int value) =>
        LandKeys.GetOrAdd((land, Id(kind, value, 0)), static (key, id) => id.Kind switch
        {
            KeyKind.LandVerfuegbarkeit => $"land/{key.Land}/verfuegbarkeit/{(Verfuegbarkeit)id.Value}",
            KeyKind.LandFlaechendeckend => $"land/{key.Land}/flaechendeckend",
            KeyKind.LandInMindestensEinerKommune => $"land/{key.Land}/in-mindestens-einer-kommune",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), id.Kind, "not a Land's key"),
        }, (Kind: kind, Value: value));

    private static string Text(KeyKind kind, int a, int b) => kind switch
    {
        KeyKind.Reifegrad => $"reifegrad/{a}",
        KeyKind.Phase => $"phase/{(Umsetzungsphase)a}",
        KeyKind.Themenfeld => $"themenfeld/{a}",
        KeyKind.ThemenfeldReifegrad => $"themenfeld/{a}/reifegrad/{b}",
        KeyKind.ThemenfeldPhase => $"themenfeld/{a}/phase/{(Umsetzungsphase)b}",
        KeyKind.Lage => $"lage/{a}",
        KeyKind.LageReifegrad => $"lage/{a}/reifegrad/{b}",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a Land's key is made with its Land"),
    };

    private enum KeyKind
    {
        Reifegrad = 1,
        Phase,
        Themenfeld,
        ThemenfeldReifegrad,
        ThemenfeldPhase,
        Lage,
        LageReifegrad,
        LandVerfuegbarkeit,
        LandFlaechendeckend,
        LandInMindestensEinerKommune,
    }
}

using OzgGrid.Protos.V1;

namespace OzgGrid.Cli.Output;

/// <summary>The words of the programme for its enums, and the spellings ozgctl accepts for them on the command line and in CSV.</summary>
public static class Labels
{
    private static readonly string[] ReifegradNames = ["Offline", "Information", "Formular-Assistent", "Online-Leistung", "Online-Transaktion"];

    public static string Reifegrad(int reifegrad) =>
        reifegrad >= 0 && reifegrad < ReifegradNames.Length ? $"{reifegrad} {ReifegradNames[reifegrad]}" : reifegrad.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Of(Umsetzungsphase phase) => phase switch
    {
        Umsetzungsphase.Vorbereitung => "Vorbereitung",
        Umsetzungsphase.Konzeption => "Konzeption",
        Umsetzungsphase.Umsetzung => "Umsetzung",
        Umsetzungsphase.Pilotierung => "Pilotierung",
        Umsetzungsphase.RollOut => "Roll-out",
        Umsetzungsphase.Regelbetrieb => "Regelbetrieb",
        _ => "-",
    };

    public static string Of(Verfuegbarkeit verfuegbarkeit) => verfuegbarkeit switch
    {
        Verfuegbarkeit.Keine => "keine",
        Verfuegbarkeit.Pilot => "Pilot",
        Verfuegbarkeit.InMindestensEinerKommune => "in mind. einer Kommune",
        Verfuegbarkeit.Flaechendeckend => "flächendeckend",
        _ => "-",
    };

    /// <summary>The machine spelling, for CSV and JSON: "in-mindestens-einer-kommune".</summary>
    public static string Key(Verfuegbarkeit verfuegbarkeit) => verfuegbarkeit switch
    {
        Verfuegbarkeit.Keine => "keine",
        Verfuegbarkeit.Pilot => "pilot",
        Verfuegbarkeit.InMindestensEinerKommune => "in-mindestens-einer-kommune",
        Verfuegbarkeit.Flaechendeckend => "flaechendeckend",
        _ => "",
    };

    public static string Key(Umsetzungsphase phase) => phase == Umsetzungsphase.Unspecified ? "" : Of(phase).ToLowerInvariant();

    public static bool TryParsePhase(string text, out Umsetzungsphase phase)
    {
        phase = Normalize(text) switch
        {
            "1" or "vorbereitung" => Umsetzungsphase.Vorbereitung,
            "2" or "konzeption" => Umsetzungsphase.Konzeption,
            "3" or "umsetzung" => Umsetzungsphase.Umsetzung,
            "4" or "pilotierung" => Umsetzungsphase.Pilotierung,
            "5" or "rollout" => Umsetzungsphase.RollOut,
            "6" or "regelbetrieb" => Umsetzungsphase.Regelbetrieb,
            _ => Umsetzungsphase.Unspecified,
        };
        return phase != Umsetzungsphase.Unspecified;
    }

    public static bool TryParseVerfuegbarkeit(string text, out Verfuegbarkeit verfuegbarkeit)
    {
        verfuegbarkeit = Normalize(text) switch
        {
            "keine" or "none" => Verfuegbarkeit.Keine,
            "pilot" => Verfuegbarkeit.Pilot,
            "inmindestenseinerkommune" or "kommune" => Verfuegbarkeit.InMindestensEinerKommune,
            "flaechendeckend" or "flachendeckend" => Verfuegbarkeit.Flaechendeckend,
            _ => Verfuegbarkeit.Unspecified,
        };
        return verfuegbarkeit != Verfuegbarkeit.Unspecified;
    }

    public static bool TryParseKommuneVerfuegbarkeit(string text, out KommuneVerfuegbarkeit verfuegbarkeit)
    {
        verfuegbarkeit = Normalize(text) switch
        {
            "keine" or "none" => KommuneVerfuegbarkeit.Keine,
            "pilot" => KommuneVerfuegbarkeit.Pilot,
            "online" => KommuneVerfuegbarkeit.Online,
            _ => KommuneVerfuegbarkeit.Unspecified,
        };
        return verfuegbarkeit != KommuneVerfuegbarkeit.Unspecified;
    }

    public const string PhaseSpellings = "vorbereitung, konzeption, umsetzung, pilotierung, roll-out, regelbetrieb (or 1–6)";
    public const string VerfuegbarkeitSpellings = "keine, pilot, in-mindestens-einer-kommune, flaechendeckend";
    public const string KommuneVerfuegbarkeitSpellings = "keine, pilot, online";

    // "Roll-out", "ROLL_OUT", "Flächendeckend" and the proto names all compare equal.
    private static string Normalize(string text)
    {
        var lower = text.Trim().ToLowerInvariant().Replace("ä", "ae", StringComparison.Ordinal);
        foreach (var prefix in new[] { "umsetzungsphase_", "kommune_verfuegbarkeit_", "verfuegbarkeit_" })
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal))
            {
                lower = lower[prefix.Length..];
            }
        }

        return new string(lower.Where(char.IsLetterOrDigit).ToArray());
    }
}

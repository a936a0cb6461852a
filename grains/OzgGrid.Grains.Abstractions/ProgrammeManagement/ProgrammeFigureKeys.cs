using OzgGrid.Grains.Abstractions.Nachnutzung;
using OzgGrid.Grains.Abstractions.Termine;

namespace OzgGrid.Grains.Abstractions.ProgrammeManagement;

/// <summary>
/// The programme-management figures, counters addressed by key like the monitoring's: "efa/leistungen",
/// "efa/land/HE/bereitgestellt", "efa/land/BY/nachnutzung/Live", "efa/land/BY/nachgenutzt", "efa/leistung/10000/nachnutzer",
/// "ueberfaellig/leistungen", "ueberfaellig/themenfeld/6", "ueberfaellig/land/NW", "ueberfaellig/beschluss/2022/23".
/// </summary>
public static class ProgrammeFigureKeys
{
    public const string EfaLeistungen = "efa/leistungen";
    public const string UeberfaelligLeistungen = "ueberfaellig/leistungen";

    private const string NachnutzerPrefix = "efa/leistung/";
    private const string NachnutzerSuffix = "/nachnutzer";
    private const string UeberfaelligBeschlussPrefix = "ueberfaellig/beschluss/";

    public static string Bereitgestellt(string land) => $"efa/land/{land}/bereitgestellt";

    public static string LandNachnutzung(string land, NachnutzungZustand zustand) => $"efa/land/{land}/nachnutzung/{zustand}";

    /// <summary>EfA-Leistungen live in this Land as a Nachnutzer.</summary>
    public static string Nachgenutzt(string land) => $"efa/land/{land}/nachgenutzt";

    /// <summary>Länder in which this EfA-Leistung is live as a Nachnutzung.</summary>
    public static string Nachnutzer(int ozgId) => $"{NachnutzerPrefix}{ozgId}{NachnutzerSuffix}";

    public static string UeberfaelligThemenfeld(int themenfeldId) => $"ueberfaellig/themenfeld/{themenfeldId}";

    public static string UeberfaelligLand(string land) => $"ueberfaellig/land/{land}";

    public static string UeberfaelligBeschluss(string nummer) => $"{UeberfaelligBeschlussPrefix}{nummer}";

    /// <summary>The OZG-ID of a <see cref="Nachnutzer"/> key; null for any other key.</summary>
    public static int? NachnutzerOzgId(string key) =>
        key.StartsWith(NachnutzerPrefix, StringComparison.Ordinal) && key.EndsWith(NachnutzerSuffix, StringComparison.Ordinal)
        && int.TryParse(key.AsSpan(NachnutzerPrefix.Length, key.Length - NachnutzerPrefix.Length - NachnutzerSuffix.Length),
            System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ozgId)
            ? ozgId
            : null;

    /// <summary>The Beschluss number of an <see cref="UeberfaelligBeschluss"/> key (numbers contain "/"); null for any other key.</summary>
    public static string? UeberfaelligBeschlussNummer(string key) =>
        key.StartsWith(UeberfaelligBeschlussPrefix, StringComparison.Ordinal) && key.Length > UeberfaelligBeschlussPrefix.Length
            ? key[UeberfaelligBeschlussPrefix.Length..]
            : null;

    /// <summary>The keys an EfA-Leistung counts towards, one each.</summary>
    public static IEnumerable<string> Of(EfaNachnutzung efa)
    {
        if (efa.Umsetzungsland.Length > 0)
        {
            yield return EfaLeistungen;
            yield return Bereitgestellt(efa.Umsetzungsland);
        }

        foreach (var (land, zustand) in efa.Laender)
        {
            yield return LandNachnutzung(land, zustand);
            if (zustand == NachnutzungZustand.Live)
            {
                yield return Nachgenutzt(land);
                yield return Nachnutzer(efa.OzgId);
            }
        }
    }

    /// <summary>The keys a Leistung with overdue milestones counts towards, one each.</summary>
    public static IEnumerable<string> Of(UeberfaelligeLeistung ueberfaellig)
    {
        if (ueberfaellig.Meilensteine.IsEmpty)
        {
            yield break;
        }

        yield return UeberfaelligLeistungen;
        yield return UeberfaelligThemenfeld(ueberfaellig.ThemenfeldId);
        foreach (var land in ueberfaellig.Meilensteine.Select(m => m.Land).Where(land => land.Length > 0).Distinct())
        {
            yield return UeberfaelligLand(land);
        }

        foreach (var nummer in ueberfaellig.Meilensteine.Select(m => m.Beschluss).Where(nummer => nummer.Length > 0).Distinct())
        {
            yield return UeberfaelligBeschluss(nummer);
        }
    }
}

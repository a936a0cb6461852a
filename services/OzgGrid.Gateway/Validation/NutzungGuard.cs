using OzgGrid.Grains.Abstractions.Kommunen;
using OzgGrid.Grains.Abstractions.Laender;
using OzgGrid.Grains.Abstractions.Nutzung;
using OzgGrid.Protos.V1;

namespace OzgGrid.Gateway.Validation;

/// <summary>The usage API's fields: rows (named by their number in the import), months and ranges, Kreise.</summary>
public static class NutzungGuard
{
    /// <summary>Longest range a read covers.</summary>
    public const int MaxMonate = 120;

    /// <summary>
    /// A billion transactions of one Onlinedienst in one Kommune in a month: far more than any has, and small enough that
    /// the sums over every Kommune, Onlinedienst and month a read or report adds up stay within 64 bits.
    /// </summary>
    public const long MaxTransaktionen = 1_000_000_000;

    /// <summary>A row's fields, checked; its Land follows from the AGS. Whether the AGS is registered is the importer's check.</summary>
    public static (string OnlinedienstId, Land Land, Monat Monat) Row(NutzungRow row, int number, Monat aktuell)
    {
        var onlinedienstId = ProgrammeGuard.Id(row.OnlinedienstId, $"row {number} onlinedienst_id");
        if (!Ags.TryGetLand(row.Ags, out var land))
        {
            throw RequestGuard.Invalid($"row {number} ags", $"Must be an AGS of 8 digits whose first two name a Land (e.g. 05315000), not {RequestGuard.Quote(row.Ags)}.");
        }

        var monat = Monat(row.Monat, $"row {number} monat", aktuell);
        if (row.Transaktionen is < 0 or > MaxTransaktionen)
        {
            throw RequestGuard.Invalid($"row {number} transaktionen", $"Must be 0 or more and at most {MaxTransaktionen}, not {row.Transaktionen}.");
        }

        return (onlinedienstId, land, monat);
    }

    /// <summary>"YYYY-MM" from 2017-01 up to <paramref name="aktuell"/> (the current month).</summary>
    public static Monat Monat(string text, string field, Monat aktuell) =>
        !Grains.Abstractions.Nutzung.Monat.TryParse(text, out var monat)
            ? throw RequestGuard.Invalid(field, $"Must be a month as YYYY-MM (e.g. 2025-03), not {RequestGuard.Quote(text)}.")
            : monat < Grains.Abstractions.Nutzung.Monat.Erster || monat > aktuell
                ? throw RequestGuard.Invalid(field, $"Must be from {Grains.Abstractions.Nutzung.Monat.Erster} to the current month {aktuell}, not {monat}.")
                : monat;

    /// <summary>A year from 2017 to the current one; 0 means the current one.</summary>
    public static int Jahr(int jahr, Monat aktuell) =>
        jahr == 0 ? aktuell.Jahr
            : jahr < Grains.Abstractions.Nutzung.Monat.Erster.Jahr || jahr > aktuell.Jahr
                ? throw RequestGuard.Invalid("jahr", $"Must be from {Grains.Abstractions.Nutzung.Monat.Erster.Jahr} to the current year {aktuell.Jahr} (0: the current year), not {jahr}.")
                : jahr;

    /// <summary>A range of at most <see cref="MaxMonate"/> months, <c>from</c> not after <c>to</c>.</summary>
    public static (Monat From, Monat To) Range(string from, string to, Monat aktuell)
    {
        var first = Monat(from, "from", aktuell);
        var last = Monat(to, "to", aktuell);
        if (first > last || last.Nummer - first.Nummer >= MaxMonate)
        {
            throw RequestGuard.Invalid("to", $"Must be from {first} on and at most {MaxMonate} months after it, not {last}.");
        }

        return (first, last);
    }

    /// <summary>Empty, or the 5 digits of a Kreis of <paramref name="land"/> (the first 5 digits of its AGS).</summary>
    public static string Kreis(string kreis, string land) =>
        kreis.Length == 0 || (kreis.Length == 5 && kreis.All(char.IsAsciiDigit) && Ags.TryGetLand(kreis + "000", out var of) && of.Kuerzel == land)
            ? kreis
            : throw RequestGuard.Invalid("kreis", $"Must be empty or the first 5 digits of an AGS of {land} (e.g. 05315), not {RequestGuard.Quote(kreis)}.");

    /// <summary>Empty, or an Onlinedienst id.</summary>
    public static string? OnlinedienstId(string id) => id.Length == 0 ? null : ProgrammeGuard.Id(id, "onlinedienst_id");
}

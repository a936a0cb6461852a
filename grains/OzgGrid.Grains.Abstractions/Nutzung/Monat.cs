using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OzgGrid.Grains.Abstractions.Nutzung;

/// <summary>A calendar month, numbered consecutively (<see cref="Nummer"/> = year × 12 + month − 1) so that ranges are plain arithmetic.</summary>
public readonly record struct Monat(int Nummer) : IComparable<Monat>
{
    /// <summary>Usage is reported from the start of the OZG's Umsetzung on; nothing earlier.</summary>
    public static readonly Monat Erster = new(2017, 1);

    public Monat(int jahr, int monat)
        : this((jahr * 12) + monat - 1)
    {
    }

    public int Jahr => Nummer / 12;

    /// <summary>1–12.</summary>
    public int ImJahr => (Nummer % 12) + 1;

    public DateTimeOffset Beginn => new(Jahr, ImJahr, 1, 0, 0, 0, TimeSpan.Zero);

    public static Monat Von(DateTimeOffset moment) => new(moment.UtcDateTime.Year, moment.UtcDateTime.Month);

    public static Monat operator +(Monat monat, int monate) => new(monat.Nummer + monate);

    public static Monat operator -(Monat monat, int monate) => new(monat.Nummer - monate);

    public static bool operator <(Monat a, Monat b) => a.Nummer < b.Nummer;

    public static bool operator >(Monat a, Monat b) => a.Nummer > b.Nummer;

    public static bool operator <=(Monat a, Monat b) => a.Nummer <= b.Nummer;

    public static bool operator >=(Monat a, Monat b) => a.Nummer >= b.Nummer;

    /// <summary>Reads exactly "YYYY-MM" (month 01–12).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Monat monat)
    {
        monat = default;
        if (text is not { Length: 7 } || text[4] != '-' || !text.Remove(4, 1).All(char.IsAsciiDigit))
        {
            return false;
        }

        var jahr = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var imJahr = int.Parse(text.AsSpan(5, 2), CultureInfo.InvariantCulture);
        if (imJahr is < 1 or > 12)
        {
            return false;
        }

        monat = new Monat(jahr, imJahr);
        return true;
    }

    public int CompareTo(Monat other) => Nummer.CompareTo(other.Nummer);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Jahr:0000}-{ImJahr:00}");
}

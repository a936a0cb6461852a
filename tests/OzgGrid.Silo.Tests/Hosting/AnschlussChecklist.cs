using System.Globalization;
using OzgGrid.Protos.V1;

namespace OzgGrid.Silo.Tests.Hosting;

/// <summary>Anschluss checklist items with values of the right form, as the tests write them over gRPC.</summary>
public static class AnschlussChecklist
{
    /// <summary>Every item of the checklist up to and including <paramref name="bis"/>, with values of the right form.</summary>
    public static IEnumerable<AnschlussAenderung> Bis(string ags, DateOnly today, AnschlussSchritt bis) =>
        Enum.GetValues<AnschlussSchritt>().Skip(1).Where(s => s <= bis).Select(s => Item(ags, s, s switch
        {
            AnschlussSchritt.Nachnutzungsvereinbarung => Day(today.AddDays(-30)),
            AnschlussSchritt.Zustellweg => $"xta:dvdv-{ags}",
            AnschlussSchritt.PvogEintrag => $"https://pvog.example.org/{ags}",
            AnschlussSchritt.GoLiveGeplant => Day(today.AddDays(-5)),
            AnschlussSchritt.GoLiveErfolgt => Day(today.AddDays(-1)),
            _ => $"{s} von {ags}",
        }));

    public static AnschlussAenderung Item(string ags, AnschlussSchritt schritt, string wert) => new() { Ags = ags, Schritt = schritt, Wert = wert };

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
